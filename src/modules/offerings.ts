import type { BusinessModule } from '../compose/module.js';
import { col, dimension, lower, snake } from '../compose/parts.js';

/**
 * What the business sells or delivers, one row per offering: the company's own products,
 * services or programmes from research, else the industry's typical ones. Not one of the
 * taxonomy's modules on its own: every core module sells something, so composition always adds it.
 */
export const offerings: BusinessModule = {
  id: 'offerings',
  needs: [],
  build(ctx) {
    const offering = ctx.word('offering');
    const o = snake(offering.singular);
    const table = ctx.tableName(offering);
    const ref = { table, key: `${o}_id`, name: `${o}_name`, term: offering };
    return {
      tables: [
        {
          name: table,
          description: `The ${lower(offering.plural)} {company} offers.`,
          grain: `one row per ${lower(offering.singular)}`,
          rowCount: ctx.values.offerings.length,
          scales: false,
          primaryKey: ref.key,
          synonyms: [lower(offering.plural), 'products', 'services', 'offerings'],
          columns: [
            col(ref.key, 'INT64', `${offering.singular} identifier.`, { kind: 'sequence' }),
            col(ref.name, 'STRING', `Name of the ${lower(offering.singular)}.`, { kind: 'list', values: ctx.values.offerings }, [lower(offering.singular), 'product', 'service', 'line']),
            // A base price per offering; the first offering is the premium one, which the core modules' questions rely on.
            col('base_price', 'NUMERIC', `Standard price or rate of the ${lower(offering.singular)}.`, { kind: 'number', dist: 'uniform', min: 60, max: 140, decimals: 2, effects: [{ when: { ref: ref.key, in: ['1'] }, factor: 2.5 }] }, ['price', 'rate', 'list price']),
          ],
        },
      ],
      provides: { role: 'offering', ref },
      questions: [],
      semantic: { dimensions: [dimension(table, ref.name, lower(offering.singular), ref.name, { synonyms: ['product', 'service', 'offering', 'line'], sampleValues: ctx.values.offerings })] },
      glossary: [],
    };
  },
};
