// Types for request-methods.js, so the project's tests can check it under Node.
export class RequestMethods {
  note(details: { requestId: string; url: string; method?: string }, now: number): void;
  methodOf(finalUrl: string, url: string, now: number): string;
}
