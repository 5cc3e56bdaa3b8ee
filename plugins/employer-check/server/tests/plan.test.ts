import { addDays, addMonths, dayIn, germanDay } from '../src/lib/days';
import { applyPlan, planView, storedPlan, type StoredMeasure } from '../src/lib/plan';

const recommended = [
  { id: 'tip-a', title: 'Mitarbeitergespräche einführen', dimension: 'fuehrung' },
  { id: 'tip-b', title: 'Gehaltsbänder offenlegen', dimension: 'verguetung' },
];
const today = '2026-12-06';

describe('applyPlan', () => {
  it('takes recommended tips with their titles, target dates and done marks', () => {
    const { plan, issues } = applyPlan(
      [
        { tip: 'tip-a', targetDate: '2027-03-01' },
        { tip: 'tip-b', done: true },
      ],
      [],
      recommended,
      today
    );
    expect(issues).toEqual([]);
    expect(plan).toEqual([
      {
        tip: 'tip-a',
        title: 'Mitarbeitergespräche einführen',
        dimension: 'fuehrung',
        targetDate: '2027-03-01',
        done: false,
        doneOn: null,
      },
      {
        tip: 'tip-b',
        title: 'Gehaltsbänder offenlegen',
        dimension: 'verguetung',
        targetDate: null,
        done: true,
        doneOn: today,
      },
    ]);
  });

  it('refuses tips that are not recommended, duplicates and dates in the past, naming the field; nothing changes', () => {
    const stored: StoredMeasure[] = [];
    const { plan, issues } = applyPlan(
      [
        { tip: 'tip-a', targetDate: '2026-12-05' },
        { tip: 'unknown' },
        { tip: 'tip-b' },
        { tip: 'tip-b' },
      ],
      stored,
      recommended,
      today
    );
    expect(plan).toBe(stored);
    expect(issues.map((issue) => issue.path)).toEqual([
      ['measures', 0, 'targetDate'],
      ['measures', 1, 'tip'],
      ['measures', 3, 'tip'],
    ]);
  });

  it('today is not in the past', () => {
    expect(applyPlan([{ tip: 'tip-a', targetDate: today }], [], recommended, today).issues).toEqual(
      []
    );
  });

  it('keeps a measure whose tip is no longer recommended and a target date that has passed since', () => {
    const stored: StoredMeasure[] = [
      {
        tip: 'old-tip',
        title: 'Ein früherer Tipp',
        dimension: 'gesundheit',
        targetDate: '2026-11-01',
        done: true,
        doneOn: '2026-10-20',
      },
    ];
    const { plan, issues } = applyPlan(
      [{ tip: 'old-tip', targetDate: '2026-11-01', done: true }],
      stored,
      recommended,
      today
    );
    expect(issues).toEqual([]);
    // the first day it was marked done stays
    expect(plan).toEqual(stored);
    // unmarked: doneOn is cleared
    expect(
      applyPlan([{ tip: 'old-tip', targetDate: '2026-11-01' }], stored, recommended, today).plan[0]
    ).toMatchObject({ done: false, doneOn: null });
    // a changed date must not be in the past either
    expect(
      applyPlan([{ tip: 'old-tip', targetDate: '2026-11-02' }], stored, recommended, today).issues
    ).toHaveLength(1);
  });
});

describe('planView', () => {
  it('marks overdue open measures and counts', () => {
    const view = planView(
      [
        {
          tip: 'a',
          title: 'A',
          dimension: null,
          targetDate: '2026-12-01',
          done: false,
          doneOn: null,
        },
        {
          tip: 'b',
          title: 'B',
          dimension: null,
          targetDate: '2026-12-01',
          done: true,
          doneOn: today,
        },
        { tip: 'c', title: 'C', dimension: null, targetDate: null, done: false, doneOn: null },
      ],
      today
    );
    expect(view.measures.map((measure) => measure.overdue)).toEqual([true, false, false]);
    expect(view).toMatchObject({ done: 1, open: 2, overdue: 1 });
  });
});

describe('storedPlan and dayIn', () => {
  it('reads back only well-formed measures', () => {
    expect(storedPlan(null)).toEqual([]);
    expect(storedPlan([{ tip: 'a', title: 'A', done: 'yes' }, 3, { tip: 1 }])).toEqual([
      { tip: 'a', title: 'A', dimension: null, targetDate: null, done: false, doneOn: null },
    ]);
  });

  it('adds days and months across daylight saving and writes days the German way', () => {
    expect(addDays('2027-03-27', 1)).toBe('2027-03-28');
    expect(addDays('2027-03-28', 1)).toBe('2027-03-29');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addMonths('2026-12-01', 12)).toBe('2027-12-01');
    expect(germanDay('2027-03-09')).toBe('09.03.2027');
  });

  it('gives the day in the office time zone', () => {
    expect(dayIn(new Date('2026-12-06T23:30:00Z'), 'Europe/Berlin')).toBe('2026-12-07');
    expect(dayIn(new Date('2026-07-01T21:59:00Z'), 'Europe/Berlin')).toBe('2026-07-01');
  });
});
