// Vietnamese messages of the platform's own HTTP errors (capabilities carry theirs in DomainError).
import labels from './labels.vi.json';
export const httpMessages = labels.httpError satisfies Record<string, string>;

export type HttpMessageCode = keyof typeof httpMessages;
