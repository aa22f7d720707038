// URLs given on the command line (or forwarded by a second instance): the http(s) ones only.

export function urlsInArgv(argv: readonly string[]): string[] {
  return argv.filter((arg) => /^https?:\/\/\S+$/i.test(arg));
}
