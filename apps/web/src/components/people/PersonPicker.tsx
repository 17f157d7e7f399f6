// Choosing people of the organisation without loading all of them: the select asks people.list as
// one types (name, last name or e-mail prefix), a page of a few dozen at a time, and names the
// people already chosen by id. Used for raters, partners, subjects, team members and coaches.
import type { AppRouter } from "@fivefold/api";
import { MultiSelect, type MultiSelectProps, Select, type SelectProps } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useTRPC } from "../../lib/trpc";

export type PersonSummary = inferRouterOutputs<AppRouter>["people"]["list"]["people"][number];
/** What narrows the people offered, besides the search. */
export interface PeopleFilters {
  teamId?: string;
  managerId?: string;
}

/** How many people a search shows: enough to pick from, small enough to send as one types. */
const SEARCH_PAGE = 25;
/** The most people.list names by id in one call. */
const BY_ID_PAGE = 100;

export const personLabel = (p: { name: string; email: string }, withEmail: boolean) =>
  withEmail ? `${p.name} · ${p.email}` : p.name;

/** The first page of people matching what is typed (after a short pause), the last page kept meanwhile. */
export function usePeopleSearch(search: string, filters: PeopleFilters = {}, enabled = true) {
  const trpc = useTRPC();
  const [query] = useDebouncedValue(search.trim(), 200);
  return useQuery({
    ...trpc.people.list.queryOptions({ ...filters, query: query || undefined, limit: SEARCH_PAGE }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** These people by id (a call per hundred), for naming the ones chosen before this screen. */
export function usePeopleNamed(ids: readonly string[]): Map<string, PersonSummary> {
  const trpc = useTRPC();
  const sorted = [...new Set(ids)].sort();
  const chunks: string[][] = [];
  for (let i = 0; i < sorted.length; i += BY_ID_PAGE) chunks.push(sorted.slice(i, i + BY_ID_PAGE));
  const results = useQueries({
    queries: chunks.map((chunk) => trpc.people.list.queryOptions({ ids: chunk, limit: BY_ID_PAGE })),
  });
  return new Map(results.flatMap((r) => r.data?.people ?? []).map((p) => [p.id, p]));
}

/** Every person a picker has seen, by id, so a chosen person keeps their label through new searches. */
function useSeen(known: KnownPeople | undefined): Map<string, string> {
  const seen = useRef<Map<string, string> | null>(null);
  if (!seen.current) seen.current = new Map(known?.map((k) => [k.id, k.label]));
  return seen.current;
}

function remember(seen: Map<string, string>, people: Iterable<PersonSummary>, withEmail: boolean) {
  for (const p of people) seen.set(p.id, personLabel(p, withEmail));
}

/** People the screen already knows by name (e.g. a team's members), so none is asked for again. */
export type KnownPeople = ReadonlyArray<{ id: string; label: string }>;

interface PickerOptions {
  exclude?: Iterable<string>;
  filters?: PeopleFilters;
  /** Show the e-mail address beside the name (default true). */
  withEmail?: boolean;
  known?: KnownPeople;
}

type SelectRest = Omit<
  SelectProps,
  "data" | "value" | "onChange" | "searchable" | "searchValue" | "onSearchChange" | "filter"
>;

/** One person, searched on the server as one types. */
export function PersonSelect({
  value,
  onChange,
  exclude,
  filters,
  withEmail = true,
  known,
  ...rest
}: SelectRest & PickerOptions & { value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const seen = useSeen(known);
  const named = usePeopleNamed(value && !seen.has(value) ? [value] : []);
  remember(seen, named.values(), withEmail);
  // Once chosen, the box shows the person's label: that is not a search.
  const results = usePeopleSearch(value && search === seen.get(value) ? "" : search, filters);
  remember(seen, results.data?.people ?? [], withEmail);
  const excluded = new Set(exclude);
  const options = (results.data?.people ?? [])
    .filter((p) => !excluded.has(p.id))
    .map((p) => ({ value: p.id, label: personLabel(p, withEmail) }));
  const label = value ? seen.get(value) : undefined;
  const data =
    value && label && !options.some((o) => o.value === value) ? [{ value, label }, ...options] : options;
  return (
    <Select
      {...rest}
      data={data}
      value={value}
      onChange={(id) => onChange(id)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={results.isFetching ? t("requests:picker.searching") : t("requests:picker.nobody")}
    />
  );
}

type MultiRest = Omit<
  MultiSelectProps,
  "data" | "value" | "onChange" | "searchable" | "searchValue" | "onSearchChange" | "filter"
>;

/** Several people, searched on the server as one types; the chosen ones keep their names. */
export function PeopleMultiSelect({
  value,
  onChange,
  exclude,
  filters,
  withEmail = true,
  known,
  ...rest
}: MultiRest & PickerOptions & { value: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const seen = useSeen(known);
  const named = usePeopleNamed(value.filter((id) => !seen.has(id)));
  remember(seen, named.values(), withEmail);
  const results = usePeopleSearch(search, filters);
  remember(seen, results.data?.people ?? [], withEmail);
  const excluded = new Set(exclude);
  const chosen = new Set(value);
  const data = [
    ...value.map((id) => ({ value: id, label: seen.get(id) ?? "…" })),
    ...(results.data?.people ?? [])
      .filter((p) => !chosen.has(p.id) && !excluded.has(p.id))
      .map((p) => ({ value: p.id, label: personLabel(p, withEmail) })),
  ];
  return (
    <MultiSelect
      {...rest}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      hidePickedOptions
      nothingFoundMessage={results.isFetching ? t("requests:picker.searching") : t("requests:picker.nobody")}
    />
  );
}
