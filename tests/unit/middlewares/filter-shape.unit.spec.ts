import { misshapenOperator } from '../../../src/middlewares/filter-shape';

describe('misshapenOperator', () => {
  it.each([
    [{ $or: { documentId: 'x' } }, 'filters[$or]'],
    [{ $and: 'x' }, 'filters[$and]'],
    [{ $not: 'x' }, 'filters[$not]'],
    [{ $not: [{ title: 'x' }] }, 'filters[$not]'],
    [{ $or: ['x'] }, 'filters[$or]'],
    [{ section: { $or: 'x' } }, 'filters[section][$or]'],
    [{ $and: [{ $or: { a: 1 } }] }, 'filters[$and][0][$or]'],
  ])('finds %j', (filters, where) => {
    expect(misshapenOperator(filters)).toBe(where);
  });

  it.each([
    [{ title: { $eq: 'x' } }],
    [{ $or: [{ title: 'x' }, { slug: 'y' }] }],
    [{ $not: { title: 'x' } }],
    [{ $and: [{ $or: [{ a: 1 }] }, { $not: { b: 2 } }] }],
    ['plain string'],
    [null],
  ])('accepts %j', (filters) => {
    expect(misshapenOperator(filters)).toBeNull();
  });
});
