import type { FilterImplOptions } from 'liquidjs'

/** What liquidjs binds `this` to in a filter (its FilterImpl type is not exported). */
export type FilterImpl = ThisParameterType<
  Extract<FilterImplOptions, (...args: never[]) => unknown>
>
