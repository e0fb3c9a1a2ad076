import type { BusinessModule } from '../compose/module.js';
import { col, dimension, lower, snake } from '../compose/parts.js';

/** Where the business operates: offices, taprooms, branches, sites, regions; the company's own places as rows. */
export const locations: BusinessModule = {
  id: 'locations',
  needs: [],
  build(ctx) {
    const place = ctx.word('place');
    const p = snake(place.singular);
    const table = ctx.tableName(place);
    const ref = { table, key: `${p}_id`, name: `${p}_name`, term: place };
    return {
      tables: [
        {
          name: table,
          description: `The ${lower(place.plural)} where {company} operates.`,
          grain: `one row per ${lower(place.singular)}`,
          rowCount: ctx.values.places.length,
          scales: false,
          primaryKey: ref.key,
          synonyms: [lower(place.plural), 'locations', 'regions'],
          columns: [
            col(ref.key, 'INT64', `${place.singular} identifier.`, { kind: 'sequence' }),
            col(ref.name, 'STRING', `Name of the ${lower(place.singular)}.`, { kind: 'list', values: ctx.values.places }, [lower(place.singular), 'location', 'region']),
            // The first place is the flagship: other modules weigh their foreign keys by this, so it leads every count.
            // Five times the others, not three: a team of 80 (36 at --scale 0.2) split 3:1:1 put the flagship
            // second about once in a hundred seeds (government seed 8); 5:1:1 never does in thousands.
            col('size_index', 'FLOAT64', `Relative size of the ${lower(place.singular)} (1 = typical).`, { kind: 'number', dist: 'uniform', min: 0.8, max: 1.2, decimals: 2, effects: [{ when: { ref: ref.key, in: ['1'] }, factor: 5 }] }, ['size', 'capacity']),
          ],
        },
      ],
      provides: { role: 'place', ref },
      questions: [],
      semantic: { dimensions: [dimension(table, ref.name, lower(place.singular), ref.name, { synonyms: ['location', 'region', 'where'], sampleValues: ctx.values.places })] },
      glossary: [],
    };
  },
};
