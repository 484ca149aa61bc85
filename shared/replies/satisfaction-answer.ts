import type { SatisfactionScore } from '../model';

/** The question after a close (回访); the citizen answers on the same channel with a digit or the words. */
export function satisfactionQuestion(number: string): string {
  return `您反映的问题（编号${number}）已办结，请回复数字评价：1 满意 2 基本满意 3 不满意`;
}

const ANSWERS: Record<string, SatisfactionScore> = {
  '1': 'satisfied',
  '2': 'basically-satisfied',
  '3': 'dissatisfied',
  满意: 'satisfied',
  基本满意: 'basically-satisfied',
  不满意: 'dissatisfied',
};

/**
 * The score a message gives when it is an answer to the satisfaction question: 1/2/3 (full-width too) or
 * 满意/基本满意/不满意, alone but for spaces and punctuation; anything else is not an answer (null).
 */
export function satisfactionAnswer(text: string): SatisfactionScore | null {
  const bare = text
    .normalize('NFKC')
    .replace(/[\s\p{P}]/gu, '')
    .trim();
  return ANSWERS[bare] ?? null;
}
