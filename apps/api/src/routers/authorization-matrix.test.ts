// The authorization matrix (issue 14): every procedure of the application router × every relation a
// caller can have to the subject and their objects, each cell the expected answer ("ok"; "hidden" for
// a list that answers without the subject's object; or the tRPC error code), each exercised over
// createCaller on one seeded database (testing/matrix.ts). A procedure missing from the table, or a
// row naming one that no longer exists, fails the first test.
//
// Adding a procedure: one line in TABLE, its fourteen cells in the column order of RELATIONS, and an
// input builder that aims at the subject's (or Alpha's) objects, so "ok" against "FORBIDDEN" means
// something. MATRIX_PRINT=1 prints what each cell answered, to write a new row from (then check it).
//
// Conventions the cells follow (as the code answers on purpose):
// - UNAUTHORIZED without a session; FORBIDDEN for a role the procedure needs and the caller lacks;
// - another organisation's admin asking for Alpha's ids gets NOT_FOUND: tenant isolation never tells
//   whether an id exists elsewhere;
// - inside the organisation, NOT_FOUND where even the existence is private (someone else's
//   invitation, request or place in a circle), FORBIDDEN where it is not (a report or a plan the
//   caller may not read).
// Mutations run after every query, the cells that succeed after those refused, so a refusal always
// meets the state the row was written for; a success that uses up its object (a slot) gets the next
// cell a fresh one.
import { addDays, builtInItems, isoDay } from "@fivefold/domain";
import { type AnyRouter, initTRPC, type TRPC_ERROR_CODE_KEY, TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { appRouter } from "../router";
import { fullAnswers } from "../testing/answers";
import {
  createMatrixFixture,
  type MatrixFixture,
  OUTSIDER,
  RELATIONS,
  type Relation,
  type Slot,
} from "../testing/matrix";

/** "ok": answers (and, for a list, names the subject's object); "hidden": answers without it. */
type Outcome = "ok" | "hidden" | TRPC_ERROR_CODE_KEY;
/** One outcome per relation, in the order of RELATIONS (the first test checks the count). */
type Cells = readonly Outcome[];
type Input = (f: MatrixFixture, relation: Relation) => unknown;
/** The id of the subject's (or Alpha's) object a list answer must name for "ok" rather than "hidden". */
type Mentions = (f: MatrixFixture) => string | Promise<string>;

interface Row {
  /** read: before any mutation; write: after the reads; last: after every write (uses things up). */
  phase: "read" | "write" | "last";
  cells: Cells;
  input?: Input;
  mentions?: Mentions;
  /** The slot a success uses up: the next cell gets a fresh object. */
  consumes?: Slot;
}

const ok = "ok";
const hid = "hidden";
const U = "UNAUTHORIZED";
const F = "FORBIDDEN";
const N = "NOT_FOUND";
const C = "CONFLICT";
const B = "BAD_REQUEST";
const P = "PRECONDITION_FAILED";

const read = (cells: Cells, input?: Input): Row => ({ phase: "read", cells, ...(input ? { input } : {}) });
/** A query without input that lists things: "ok" names the object, "hidden" leaves it out. */
const list = (cells: Cells, mentions: Mentions, input?: Input): Row => ({ ...read(cells, input), mentions });
const write = (cells: Cells, input: Input, consumes?: Slot): Row => ({
  phase: "write",
  cells,
  input,
  ...(consumes ? { consumes } : {}),
});
const last = (cells: Cells, input: Input, consumes?: Slot): Row => ({
  ...write(cells, input, consumes),
  phase: "last",
});

/** The built-in behaviours with one reworded: a draft that changes something. */
const rewordedDraft = (en = "Offers help early when someone is stuck") =>
  builtInItems().map((item) => (item.key === "vision.4" ? { ...item, text: { ...item.text, en } } : item));
const openRequest = async (f: MatrixFixture) => ({ requestId: (await f.openRequest()).requestId });
const invitation = async (f: MatrixFixture) => ({ invitationId: (await f.openRequest()).invitationId });
const token = async (f: MatrixFixture) => ({ token: (await f.openRequest()).token });
const plan = (f: MatrixFixture) => ({ planId: f.planId });
const NO_PULSE = "7c0f1e52-3a4b-4c5d-8e6f-0a1b2c3d4e5f";
const NO_TOKEN = "not-a-pulse-token-of-anyone";
const cycle = (f: MatrixFixture) => ({ cycleId: f.cycleId });
const subject = (f: MatrixFixture) => ({ personId: f.id("subject") });

// Columns: anonymous, member, rater, subject, manager, otherManager, coach, otherCoach, partner,
// lead, admin, otherAdmin, analyst, readingAdmin (RELATIONS, testing/matrix.ts).
// biome-ignore format: the table reads as a table
const TABLE: Record<string, Row> = {
  //                                 anon memb ratr subj mgr  oMgr coch oCch prtn lead adm  oAdm anlt rAdm
  health:                      read([ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok]),
  "me.get":                    read([U,   ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok]),
  // Beta's admin holds no person in Alpha. A caller without a session (createCaller) has nothing to
  // keep the choice in: switching is refused as a precondition; over HTTP it succeeds
  // (identity-across-orgs.test.ts), and Alpha stays NOT_FOUND to Beta's admin.
  "me.organisations":          list([U,   ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  hid, ok,  ok], (f) => f.a.orgId),
  "me.switchOrganisation":    write([U,   P,   P,   P,   P,   P,   P,   P,   P,   P,   P,   N,   P,   P], (f) => ({ orgId: f.a.orgId })),
  // Everyone chooses their own language (their own row only; null follows the organisation).
  "me.setLanguage":           write([U,   ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok], () => ({ language: null })),
  "instrument.get":            read([ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok], () => ({})),
  "instrument.list":           read([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  ok,  F,   ok]),
  "instrument.getDraft":       read([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  ok,  F,   ok]),
  "instrument.draft":         write([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  ok,  F,   ok], () => ({ items: rewordedDraft() })),
  // Each cell first saves a fresh draft in Alpha (Beta's is the one its admin saved above).
  "instrument.publish":        last([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  ok,  F,   ok], async (f) => { await f.callerFor("admin").instrument.draft({ items: rewordedDraft(f.unique("Offers help early when stuck ")) }); return undefined; }),
  "profile.get":               read([U,   ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok]),
  "profile.setPartnerOptIn":  write([U,   ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok], () => ({ optIn: true })),

  // Admin work. Another organisation's admin reads and writes their own organisation: with Alpha's
  // ids they meet NOT_FOUND, and Alpha's people and teams are not in their lists.
  "people.list":               list([U,   ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  hid, ok,  ok], (f) => f.id("subject"), (f) => ({ ids: [f.id("subject")] })),
  "people.directory":          list([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  hid, F,   ok], (f) => f.id("subject")),
  "people.directoryPage":      list([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  hid, F,   ok], (f) => f.id("subject"), () => ({ status: "all", limit: 100 })),
  // Export: a person's own data, or any person's for an admin.
  "people.export":            write([U,   F,   F,   ok,  F,   F,   F,   F,   F,   F,   ok,  N,   F,   ok], subject),
  // A dry run: checks the file, writes nothing, so every admin cell meets the same state.
  "people.import":            write([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  ok,  F,   ok], (f) => ({ csv: `name,email\nImported,${f.unique("imported")}@alpha.test\n`, dryRun: true })),
  // Beta's admin naming Alpha's manager: "pick an active colleague", as for an id that does not exist.
  "people.create":            write([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  B,   F,   ok], (f) => ({ name: "Created", email: `${f.unique("created")}@alpha.test`, managerId: f.id("manager") })),
  // The subject's name as it is, and their roles as they are: succeeds without changing anything.
  "people.update":            write([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  N,   F,   ok], (f) => ({ personId: f.id("subject"), name: "subject Alpha" })),
  "people.setRoles":          write([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  N,   F,   ok], (f) => ({ personId: f.id("subject"), roles: [] })),
  "people.erase":              last([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  N,   F,   ok], (f) => f.throwawayPerson().then((personId) => ({ personId }))),
  "teams.list":                list([U,   ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  hid, ok,  ok], (f) => f.coreTeamId),
  "teams.upsert":             write([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  N,   F,   ok], (f) => ({ id: f.coreTeamId, name: "Alpha Core" })),
  "teams.remove":              last([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  N,   F,   ok], (f) => f.throwawayTeam().then((teamId) => ({ teamId }))),
  // API tokens: an organisation's admins only; another organisation's admin lists and creates their
  // own, and meets NOT_FOUND on Alpha's token. Each revoke gets a token of its own.
  "apiTokens.list":            read([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  ok,  F,   ok]),
  "apiTokens.create":         write([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  ok,  F,   ok], (f) => ({ name: f.unique("Token "), scopes: ["people:read"] })),
  "apiTokens.revoke":         write([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  N,   F,   ok], async (f) => ({ tokenId: (await f.callerFor("admin").apiTokens.create({ name: f.unique("Revoked "), scopes: ["scim"] })).token.id })),
  "settings.get":              read([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  ok,  F,   ok]),
  "settings.update":          write([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  ok,  F,   ok], () => ({ historyWindowDays: 120 })),
  "sso.get":                   read([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  ok,  F,   ok]),
  "sso.update":               write([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  ok,  F,   ok], (_f, relation) => ({ issuer: "https://idp.example.test", clientId: "fivefold", clientSecret: "matrix-secret", domains: [`${relation.toLowerCase()}.example.test`], passwordsDisabled: false })),
  "sso.remove":               write([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  ok,  F,   ok], () => undefined),
  // Chat: the Slack connection is an admin's; everyone chooses where their own notices go.
  "chat.get":                  read([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  ok,  F,   ok]),
  "chat.update":              write([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  ok,  F,   ok], () => ({ slackBotToken: "xoxb-matrix-token" })),
  "chat.remove":              write([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  ok,  F,   ok], () => undefined),
  "chat.preference":           read([U,   ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok]),
  "chat.setPreference":       write([U,   ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok], () => ({ notifyBy: "email" })),
  "audit.list":                list([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  hid, F,   ok], (f) => f.released, () => ({ limit: 200 })),
  "mailbox.list":              list([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  hid, F,   ok], (f) => f.mailId),
  "mail.problems":             read([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  ok,  F,   ok]),
  "mail.resend":              write([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  N,   F,   ok], (f) => ({ mailId: f.mailId })),

  // Collecting. A request is the requester's and admins' (and the subject's, who proposes raters); to
  // anyone else in the organisation it does not exist. The list holds the requests one made or is
  // the subject of: an admin may open any (get) but lists their own.
  "requests.list":             list([U,   hid, hid, ok,  ok,  hid, hid, hid, hid, hid, hid, hid, hid, hid], (f) => openRequest(f).then((r) => r.requestId)),
  "requests.get":              read([U,   N,   N,   ok,  ok,  N,   N,   N,   N,   N,   ok,  N,   N,   ok], openRequest),
  "requests.progress":         read([U,   F,   F,   F,   ok,  F,   F,   F,   F,   F,   ok,  N,   F,   ok], openRequest),
  // The subject already has a request collecting answers (one at a time): whoever may ask for
  // feedback on them hears CONFLICT, everyone else FORBIDDEN.
  "requests.create":          write([U,   F,   F,   F,   C,   F,   F,   F,   F,   F,   C,   N,   F,   C], (f) => ({ subjectId: f.id("subject"), deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(), raters: [] })),
  // Already open: those who steer it hear so (PRECONDITION_FAILED), everyone else FORBIDDEN.
  "requests.open":            write([U,   F,   F,   F,   P,   F,   F,   F,   F,   F,   P,   N,   F,   P], openRequest),
  // Rule 9: an external rater is vouched for only by an admin who does not read the report.
  "requests.approveExternal": write([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  N,   F,   F], async (f) => ({ requestId: await f.draftRequest(), email: OUTSIDER })),
  // Following up: those who steer an open request; each success gets a fresh one (once a day).
  "requests.remind":          write([U,   F,   F,   F,   ok,  F,   F,   F,   F,   F,   ok,  N,   F,   ok], openRequest, "openRequest"),
  "requests.extend":          write([U,   F,   F,   F,   ok,  F,   F,   F,   F,   F,   ok,  N,   F,   ok], async (f) => ({ ...(await openRequest(f)), deadline: new Date(Date.now() + 300 * 86_400_000).toISOString() }), "openRequest"),
  // A second manager-group rater on the open request (the one group that may join once open).
  "requests.addRater":        write([U,   F,   F,   F,   ok,  F,   F,   F,   F,   F,   ok,  N,   F,   ok], async (f) => ({ ...(await openRequest(f)), personId: f.id("other-manager"), group: "manager" }), "openRequest"),
  "requests.cancel":           last([U,   F,   F,   F,   ok,  F,   F,   F,   F,   F,   ok,  N,   F,   ok], openRequest, "openRequest"),
  "requests.close":            last([U,   F,   F,   F,   ok,  F,   F,   F,   F,   F,   ok,  N,   F,   ok], openRequest, "openRequest"),
  // Only the subject proposes raters (on the draft: anonymous raters join before it opens).
  "nominations.propose":      write([U,   F,   F,   ok,  F,   F,   F,   F,   F,   F,   F,   N,   F,   F], async (f) => ({ requestId: await f.draftRequest(), personId: f.poolPerson(), group: "peer" })),
  "nominations.decide":       write([U,   F,   F,   F,   ok,  F,   F,   F,   F,   F,   ok,  N,   F,   ok], async (f) => ({ nominationId: await f.nomination(), approve: false }), "nomination"),
  "nominations.decideMany":   write([U,   F,   F,   F,   ok,  F,   F,   F,   F,   F,   ok,  N,   F,   ok], async (f) => ({ decisions: [{ nominationId: await f.nomination(), approve: false }] }), "nomination"),
  // Each caller sees the cycle's nominations they decide: the manager those of their report's request.
  "nominations.forManager":    list([U,   hid, hid, hid, ok,  hid, hid, hid, hid, hid, hid, N,   hid, hid], (f) => f.cycleRequestId, (f) => ({ cycleId: f.launchedCycleId })),
  "inbox.list":                list([U,   hid, ok,  hid, hid, hid, hid, hid, hid, hid, hid, hid, hid, hid], (f) => invitation(f).then((i) => i.invitationId)),
  // The bell: the rater's invitation is in the rater's bell only. Marking a key read answers for
  // everyone signed in and writes only keys in the caller's own bell (0 for anyone else's).
  "notifications.list":        list([U,   hid, ok,  hid, hid, hid, hid, hid, hid, hid, hid, hid, hid, hid], (f) => invitation(f).then((i) => i.invitationId)),
  "notifications.markRead":   write([U,   ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok], (f) => invitation(f).then((i) => ({ keys: [`invitation:${i.invitationId}`] }))),
  // An invitation is found only by its own rater: to anyone else it does not exist.
  "responses.get":             read([U,   N,   ok,  N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N], invitation),
  "responses.submit":         write([U,   N,   ok,  N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N], async (f) => ({ ...(await invitation(f)), answers: fullAnswers(3) }), "openRequest"),
  "responses.decline":        write([U,   N,   ok,  N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N], invitation, "openRequest"),
  // The one-time link is the credential: whoever holds it answers, signed in or not.
  "responses.getByToken":      read([ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok], token),
  "responses.submitByToken":  write([ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok], async (f) => ({ ...(await token(f)), answers: fullAnswers(3) }), "openRequest"),
  "responses.declineByToken": write([ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok], token, "openRequest"),

  // Reports: the subject, the requester and the subject's coach; admins only where the organisation
  // lets them (the last column); the circle never. The analyst reads aggregates, never a report.
  // The thank-you to raters: the subject alone, once released; Beta's admin meets NOT_FOUND. A
  // success uses the report's one thank-you up, so it runs last.
  "followups.get":             read([U,   F,   F,   ok,  F,   F,   F,   F,   F,   F,   F,   N,   F,   F], (f) => ({ requestId: f.released })),
  "followups.thank":           last([U,   F,   F,   ok,  F,   F,   F,   F,   F,   F,   F,   N,   F,   F], (f) => ({ requestId: f.released, text: "Thank you all: I am working on setting the vision and would value your ideas." })),
  // The perceived-change pulse: the plan's owner alone schedules it (its coach, circle and everyone
  // else are refused; Beta's admin meets NOT_FOUND); it uses up the plan's one pending pulse, so it
  // runs last. Nobody in the matrix is asked by a pulse: to each caller a pulse they were not asked
  // is not found (pulses.test.ts answers as the raters who are). Everyone's own list answers.
  "pulses.schedule":           last([U,   F,   F,   ok,  F,   F,   F,   F,   F,   F,   F,   N,   F,   F], (f) => ({ planId: f.planId, on: addDays(isoDay(new Date()), 56) })),
  // Perceived change on the dashboard: the team's coaches only (managers and admins open the team
  // dashboard, never its pulses).
  "pulses.team":               read([U,   F,   F,   F,   F,   F,   ok,  F,   F,   F,   F,   N,   F,   F], (f) => ({ teamId: f.coreTeamId })),
  "pulses.mine":               read([U,   ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok]),
  "pulses.form":               read([U,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N], () => ({ requestId: NO_PULSE })),
  "pulses.answer":            write([U,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N], () => ({ requestId: NO_PULSE, answers: { "vision.1": 1 } })),
  "pulses.formByToken":        read([N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N], () => ({ token: NO_TOKEN })),
  "pulses.answerByToken":     write([N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N], () => ({ token: NO_TOKEN, answers: { "vision.1": 1 } })),
  "reports.get":               read([U,   F,   F,   ok,  ok,  F,   ok,  F,   F,   F,   F,   N,   F,   ok], (f) => ({ requestId: f.released })),
  "reports.list":              list([U,   hid, hid, ok,  ok,  hid, ok,  hid, hid, hid, hid, hid, hid, ok], (f) => f.released),
  "dashboards.teams":          list([U,   hid, hid, hid, ok,  hid, ok,  hid, hid, hid, hid, hid, hid, ok], (f) => f.coreTeamId),
  "dashboards.team":           read([U,   F,   F,   F,   ok,  F,   ok,  F,   F,   F,   F,   N,   F,   ok], (f) => ({ teamId: f.coreTeamId })),

  // Plans: the owner does everything; their coach reads and edits with them; the circle reads the
  // plan and its check-ins and encourages; the manager and admins have no part. Within the
  // organisation the plan's existence is no secret (FORBIDDEN); another organisation's, NOT_FOUND.
  // The report has its plan already: the owner and the coach, who may make one, hear CONFLICT.
  "plans.create":             write([U,   F,   F,   C,   F,   F,   C,   F,   F,   F,   F,   N,   F,   F], (f) => ({ requestId: f.released })),
  "plans.get":                 read([U,   F,   F,   ok,  F,   F,   ok,  F,   ok,  ok,  F,   N,   F,   F], plan),
  "plans.list":                list([U,   hid, hid, ok,  hid, hid, ok,  hid, hid, hid, hid, hid, hid, hid], (f) => f.planId),
  "plans.update":             write([U,   F,   F,   ok,  F,   F,   ok,  F,   F,   F,   F,   N,   F,   F], (f) => ({ planId: f.planId, cadence: "fortnightly" })),
  // Already published: the owner hears so.
  "plans.publish":            write([U,   F,   F,   P,   F,   F,   F,   F,   F,   F,   F,   N,   F,   F], plan),
  "plans.suggestPartners":     read([U,   F,   F,   ok,  F,   F,   ok,  F,   F,   F,   F,   N,   F,   F], plan),
  "plans.removePartner":      write([U,   F,   F,   ok,  F,   F,   F,   F,   F,   F,   F,   N,   F,   F], async (f) => ({ partnershipId: await f.pendingPartnership() }), "pendingPartnership"),
  "plans.invitePartner":      write([U,   F,   F,   ok,  F,   F,   F,   F,   F,   F,   F,   N,   F,   F], (f) => ({ ...plan(f), personId: f.poolPerson(), role: "partner" })),
  "partners.list":             list([U,   hid, hid, hid, hid, hid, hid, hid, ok,  ok,  hid, hid, hid, hid], (f) => f.planId),
  // The partner's own invitation, accepted already.
  "partners.respond":         write([U,   N,   N,   N,   N,   N,   N,   N,   C,   N,   N,   N,   N,   N], (f) => ({ partnershipId: f.partnershipId, accept: true })),
  "partners.leave":            last([U,   N,   N,   N,   N,   N,   N,   N,   ok,  N,   N,   N,   N,   N], (f) => ({ partnershipId: f.partnershipId })),
  "checkins.list":             read([U,   F,   F,   ok,  F,   F,   ok,  F,   ok,  ok,  F,   N,   F,   F], plan),
  "checkins.log":             write([U,   F,   F,   ok,  F,   F,   F,   F,   F,   F,   F,   N,   F,   F], (f) => ({ ...plan(f), progress: 20 })),
  "checkins.encourage":       write([U,   F,   F,   F,   F,   F,   F,   F,   ok,  ok,  F,   N,   F,   F], (f) => ({ checkinId: f.checkinId, text: "Keep going" })),
  "plans.close":               last([U,   F,   F,   ok,  F,   F,   F,   F,   F,   F,   F,   N,   F,   F], (f) => ({ ...plan(f), reflection: "What I learned" })),

  // Cycles are admin work; analysts list them to choose the organisation view's cycle.
  "cycles.list":               list([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  hid, ok,  ok], (f) => f.cycleId),
  "cycles.get":                read([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  N,   F,   ok], cycle),
  "cycles.preflight":          read([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  N,   F,   ok], cycle),
  "cycles.progress":           read([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  N,   F,   ok], cycle),
  "cycles.create":            write([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  ok,  F,   ok], (f) => ({ name: f.unique("Cycle "), population: { everyone: true }, nominationsCloseOn: inDay(7), answersDueOn: inDay(14), releaseOn: inDay(21) })),
  "cycles.launch":            write([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  N,   F,   ok], async (f) => ({ cycleId: await f.draftCycle() }), "draftCycle"),
  // Each admin who may extends the nominations a day further than the one before (the day must move).
  "cycles.extend":            write([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  N,   F,   ok], (f, relation) => ({ ...cycle(f), phase: "nominations", on: inDay(relation === "readingAdmin" ? 9 : 8) })),
  // A draft cycle has nobody to remind and nothing to release: the admin hears so.
  "cycles.remind":            write([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   P,   N,   F,   P], cycle),
  "cycles.release":           write([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   P,   N,   F,   P], cycle),
  // The organisation view: analysts, and admins only where admins read reports (the last column;
  // Beta's admin is refused before any cycle is looked up).
  "analytics.org":             read([U,   F,   F,   F,   F,   F,   F,   F,   F,   F,   F,   F,   ok,  ok], (f) => ({ ...cycle(f), by: "team" })),
};

function inDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

const PHASES = ["read", "write", "last"] as const;
const rows = PHASES.flatMap((phase) =>
  Object.entries(TABLE)
    .filter(([, row]) => row.phase === phase)
    .map(([path, row]) => ({ path, row })),
);

/** The cells of a row in the order they run: for a mutation, those that succeed last. */
function cellsOf(row: Row): Array<{ relation: Relation; expected: Outcome }> {
  const cells = RELATIONS.map((relation, index) => ({ relation, expected: row.cells[index] as Outcome }));
  if (row.phase === "read") return cells;
  return [...cells.filter((c) => c.expected !== ok), ...cells.filter((c) => c.expected === ok)];
}

async function call(f: MatrixFixture, path: string, row: Row, relation: Relation): Promise<string> {
  const input = row.input ? await row.input(f, relation) : undefined;
  const procedure = path
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], f.callerFor(relation)) as (
    input: unknown,
  ) => Promise<unknown>;
  await f.enter(relation);
  try {
    const output = await procedure(input);
    if (!row.mentions) return ok;
    return JSON.stringify(output).includes(await row.mentions(f)) ? ok : hid;
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  } finally {
    await f.leave(relation);
  }
}

let f: MatrixFixture;
const observed: string[] = [];

beforeAll(async () => {
  f = await createMatrixFixture();
});
afterAll(async () => {
  if (process.env.MATRIX_PRINT) console.log(observed.join("\n"));
  await f?.h.close();
});

interface ProcedureDef {
  type: "query" | "mutation" | "subscription";
}

/** What the table and a router disagree on: procedures without a row, rows without a procedure. */
function coverage(router: AnyRouter, table: Record<string, unknown>) {
  const procedures = Object.keys(router._def.procedures).sort();
  return {
    missingFromTable: procedures.filter((path) => !(path in table)),
    notInRouter: Object.keys(table).filter((path) => !procedures.includes(path)),
  };
}

describe("the table covers the router", () => {
  it("names every procedure of appRouter, and none that is gone", () => {
    expect(coverage(appRouter, TABLE)).toEqual({ missingFromTable: [], notInRouter: [] });
  });

  it("gives every row one cell per relation", () => {
    const wrong = Object.entries(TABLE).filter(([, row]) => row.cells.length !== RELATIONS.length);
    expect(wrong.map(([path, row]) => `${path}: ${row.cells.length} cells`)).toEqual([]);
  });

  it("runs only queries before the mutations", () => {
    const procedures = (appRouter as AnyRouter)._def.procedures as Record<string, { _def: ProcedureDef }>;
    const early = Object.entries(TABLE).filter(
      ([path, row]) => row.phase === "read" && procedures[path]?._def.type !== "query",
    );
    expect(early.map(([path]) => path)).toEqual([]);
  });

  // A router with a procedure the table lacks and a table row the router lacks: what must fail.
  it("fails for a procedure missing from the table, and for a row whose procedure is gone", () => {
    const t = initTRPC.create();
    const router = t.router({
      health: t.procedure.output(z.string()).query(() => "ok"),
      extra: t.router({ added: t.procedure.output(z.string()).query(() => "new") }),
    });
    expect(coverage(router, { health: {}, "people.gone": {} })).toEqual({
      missingFromTable: ["extra.added"],
      notInRouter: ["people.gone"],
    });
  });
});

describe.each(rows)("$path", ({ path, row }) => {
  it.each(cellsOf(row))(`${path} as $relation → $expected`, async ({ relation, expected }) => {
    const outcome = await call(f, path, row, relation);
    observed.push(
      `${outcome === expected ? "  " : "≠ "}${path}\t${relation}\t${outcome}\t(table: ${expected})`,
    );
    if (outcome === ok && row.consumes) f.consume(row.consumes);
    if (!process.env.MATRIX_PRINT) expect(outcome).toBe(expected);
  });
});
