// The gold file of a corpus article (test/corpus/README.md): the facts a careful reader takes from it, written by hand.
import { z } from 'zod';

const Money = z.object({ currency: z.string(), amount: z.string().optional(), lower: z.string().optional(), upper: z.string().optional() });
const Names = z.array(z.string());

export const Gold = z.object({
  kind: z.enum(['full', 'opening']),
  layout: z.string(),
  title: z.string(),
  year: z.number().int().optional(),
  infobox: z
    .object({
      director: Names.optional(),
      screenwriter: Names.optional(),
      story: Names.optional(),
      producer: Names.optional(),
      starring: Names.optional(),
      narrator: Names.optional(),
      cinematographer: Names.optional(),
      editor: Names.optional(),
      composer: Names.optional(),
      productionCompany: Names.optional(),
      distributor: z.array(z.object({ name: z.string(), region: z.string().optional() })).optional(),
      releases: z.array(z.string()).optional(),
      runningTime: z.number().optional(),
      countries: Names.optional(),
      languages: Names.optional(),
      budget: Money.optional(),
      boxOffice: Money.optional(),
      basedOn: z.object({ title: z.string(), author: z.string().optional() }).optional(),
    })
    .optional(),
  reviewScores: z.array(z.object({ aggregator: z.string(), method: z.string(), value: z.string(), reviewCount: z.number().optional() })).optional(),
  accolades: z
    .array(
      z.object({
        body: z.string(),
        category: z.string(),
        recipients: Names,
        result: z.string(),
        date: z.string().optional(),
        work: z.string().optional(),
      }),
    )
    .optional(),
  tracks: z
    .array(
      z.object({
        number: z.number().int(),
        title: z.string(),
        writers: Names.optional(),
        performers: Names.optional(),
        duration: z.string().optional(),
        dialogue: z.boolean().optional(),
      }),
    )
    .optional(),
  references: z.array(z.object({ number: z.number().int(), title: z.string().optional() })).optional(),
});
export type Gold = z.infer<typeof Gold>;
