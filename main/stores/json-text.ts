// How the store's documents are written: the text conf and electron-store write by default
// (tab-indented JSON), given to them as a serializer of our own. With their default they
// also walk every value before each write, looking for what JSON cannot hold (a bigint, a
// cycle), building a path array per key: for `tsuzuki get` of 2,000 small files that walk
// was a seventh of everything the process allocated. The engine's documents are plain
// data it builds itself, and JSON.stringify still refuses a bigint or a cycle.

export const writeJsonText = (value: unknown): string => JSON.stringify(value, undefined, '\t');
