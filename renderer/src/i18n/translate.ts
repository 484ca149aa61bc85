import type { Locale } from '../store/ui-store';
import { en } from './en';
import { zhCN, type MessageId } from './zh-cn';

export type { MessageId };

const dictionaries: Record<Locale, Record<MessageId, string>> = { 'zh-CN': zhCN, en };

export type Translate = (id: MessageId, params?: Record<string, string | number>) => string;

/** Looks a message up and fills its {placeholders}; the result is plain text, never markup. */
export function translator(locale: Locale): Translate {
  const dictionary = dictionaries[locale];
  return (id, params) => {
    const text = dictionary[id];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}
