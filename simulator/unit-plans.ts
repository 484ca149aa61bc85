import type { UnitAction } from '../shared/model';

/** One step a simulated unit will take on a request, `afterSeconds` after it first saw it. */
export interface PlannedStep {
  afterSeconds: number;
  action: UnitAction;
}

const ANSWERS = [
  '经核实，相关问题已安排专人处理，预计三个工作日内完成整改，感谢您的监督。',
  '您反映的情况已转交辖区责任部门现场核查，已处理完毕。如仍有问题请再次反映。',
  '经调查，该事项符合相关规定，已向您电话说明政策依据。',
  '已联系施工单位，要求其严格按规定时间作业，并加强现场巡查。',
];
const PROGRESS = [
  '已派工作人员现场核实，正在协调相关单位，处理进展将及时反馈。',
  '该问题涉及历史遗留情况，已召开协调会，正在制定处置方案。',
];
const RETURN_REASONS = [
  '该事项不属于本单位职责范围，建议转交属地街道办理。',
  '经核实，诉求地点不在本辖区，请重新分派。',
  '该问题属于市场监管部门职责，建议转市市场监督管理局。',
];
const EXTENSION_REASONS = ['需要多部门联合现场勘查，五个工作日内无法办结。', '涉及第三方检测，检测周期较长。'];

function pick<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(random() * list.length)]!;
}

function between(min: number, max: number, random: () => number): number {
  return min + random() * (max - min);
}

/**
 * What a unit does with a transferred request, in demo seconds: most answer after a while, some first
 * explain progress, a few ask for more time, and about one in seven returns it as not theirs (退单).
 */
export function planFor(random: () => number = Math.random): PlannedStep[] {
  const roll = random();
  const answer: UnitAction = { kind: 'unit-answer', text: pick(ANSWERS, random) };
  if (roll < 0.15)
    return [
      { afterSeconds: between(10, 60, random), action: { kind: 'unit-return', reason: pick(RETURN_REASONS, random) } },
    ];
  if (roll < 0.35) {
    return [
      { afterSeconds: between(20, 90, random), action: { kind: 'unit-progress', text: pick(PROGRESS, random) } },
      { afterSeconds: between(120, 400, random), action: answer },
    ];
  }
  if (roll < 0.45) {
    return [
      {
        afterSeconds: between(30, 120, random),
        action: {
          kind: 'unit-extension-request',
          workingDays: 1 + Math.floor(random() * 5),
          reason: pick(EXTENSION_REASONS, random),
        },
      },
      { afterSeconds: between(300, 900, random), action: answer },
    ];
  }
  return [{ afterSeconds: between(30, 300, random), action: answer }];
}
