/**
 * The resources GraphQL serves, each wired to REST's own pieces: the output schema, the list-query
 * schema (so filters, order, limit and cursor parse identically), the list and get functions
 * (one site-scoped query per page, embeds joined), and the commands — each a lib call — that
 * both REST and the mutations run.
 */
import type { z } from "zod";
import type { Actor } from "../actor";
import type { Command } from "../api/http/command";
import type { Page } from "../api/list";
import { getAdverseEventResource, listAdverseEventResources } from "../api/resources/adverse-events/queries";
import { adverseEventCommands } from "../api/resources/adverse-events/routes";
import { AE_INCLUDE, AdverseEvent, AdverseEventListQuery } from "../api/resources/adverse-events/schema";
import { getScreeningResource, listScreenings } from "../api/resources/screenings/queries";
import { screeningCommands } from "../api/resources/screenings/routes";
import { SCREENING_INCLUDE, Screening, ScreeningListQuery } from "../api/resources/screenings/schema";
import { getStudyResource, listStudyResources } from "../api/resources/studies/queries";
import { studyCommands } from "../api/resources/studies/routes";
import { STUDY_INCLUDE, Study, StudyListQuery } from "../api/resources/studies/schema";
import { getSubjectNoteResource, listSubjectNoteResources } from "../api/resources/subject-notes/queries";
import { subjectNoteCommands } from "../api/resources/subject-notes/routes";
import { NOTE_INCLUDE, SubjectNote, SubjectNoteListQuery } from "../api/resources/subject-notes/schema";
import { getSubjectResource, listSubjects } from "../api/resources/subjects/queries";
import { subjectCommands } from "../api/resources/subjects/routes";
import { SUBJECT_INCLUDE, Subject, SubjectListQuery } from "../api/resources/subjects/schema";
import { getScheduleItemResource, listScheduleItemResources } from "../api/resources/schedule-items/queries";
import { scheduleItemCommands } from "../api/resources/schedule-items/routes";
import { SCHEDULE_INCLUDE, ScheduleItem, ScheduleItemListQuery } from "../api/resources/schedule-items/schema";
import { getSiteResource, listSiteResources } from "../api/resources/sites/queries";
import { siteCommands } from "../api/resources/sites/routes";
import { Site, SITE_INCLUDE, SiteListQuery } from "../api/resources/sites/schema";
import { getPersonalTokenResource, listPersonalTokenResources } from "../api/resources/tokens/queries";
import { personalTokenCommands } from "../api/resources/tokens/routes";
import { PersonalToken, PersonalTokenListQuery, TOKEN_INCLUDE } from "../api/resources/tokens/schema";
import { getUserResource, listUserResources } from "../api/resources/users/queries";
import { userCommands } from "../api/resources/users/routes";
import { USER_INCLUDE, UserAccount, UserListQuery } from "../api/resources/users/schema";
import { getVisitResource, listVisitsResource } from "../api/resources/visits/queries";
import { visitCommands } from "../api/resources/visits/routes";
import { VISIT_INCLUDE, Visit, VisitListQuery } from "../api/resources/visits/schema";

export type Resource = {
  /** GraphQL type name. */
  type: string;
  /** Query field names: the list and the single fetch. */
  plural: string;
  singular: string;
  schema: z.ZodType;
  listQuery: z.ZodType;
  include: readonly string[];
  list: (actor: Actor, query: never) => Promise<Page<unknown>>;
  get: (actor: Actor, id: string, include?: ReadonlySet<string>) => Promise<unknown>;
  /** The write operations, as REST declares them; each mutation runs the command's lib call. */
  commands: Command[];
};

export const RESOURCES: Resource[] = [
  {
    type: "Subject",
    plural: "subjects",
    singular: "subject",
    schema: Subject,
    listQuery: SubjectListQuery,
    include: SUBJECT_INCLUDE,
    list: listSubjects,
    get: getSubjectResource,
    commands: subjectCommands,
  },
  {
    type: "Study",
    plural: "studies",
    singular: "study",
    schema: Study,
    listQuery: StudyListQuery,
    include: STUDY_INCLUDE,
    list: listStudyResources,
    get: getStudyResource,
    commands: studyCommands,
  },
  {
    type: "Screening",
    plural: "screenings",
    singular: "screening",
    schema: Screening,
    listQuery: ScreeningListQuery,
    include: SCREENING_INCLUDE,
    list: listScreenings,
    get: getScreeningResource,
    commands: screeningCommands,
  },
  {
    type: "Visit",
    plural: "visits",
    singular: "visit",
    schema: Visit,
    listQuery: VisitListQuery,
    include: VISIT_INCLUDE,
    list: listVisitsResource,
    get: getVisitResource,
    commands: visitCommands,
  },
  {
    type: "AdverseEvent",
    plural: "adverseEvents",
    singular: "adverseEvent",
    schema: AdverseEvent,
    listQuery: AdverseEventListQuery,
    include: AE_INCLUDE,
    list: listAdverseEventResources,
    get: getAdverseEventResource,
    commands: adverseEventCommands,
  },
  {
    type: "SubjectNote",
    plural: "subjectNotes",
    singular: "subjectNote",
    schema: SubjectNote,
    listQuery: SubjectNoteListQuery,
    include: NOTE_INCLUDE,
    list: listSubjectNoteResources,
    get: getSubjectNoteResource,
    commands: subjectNoteCommands,
  },
  {
    type: "ScheduleItem",
    plural: "scheduleItems",
    singular: "scheduleItem",
    schema: ScheduleItem,
    listQuery: ScheduleItemListQuery,
    include: SCHEDULE_INCLUDE,
    list: listScheduleItemResources,
    get: getScheduleItemResource,
    commands: scheduleItemCommands,
  },
  {
    type: "Site",
    plural: "sites",
    singular: "site",
    schema: Site,
    listQuery: SiteListQuery,
    include: SITE_INCLUDE,
    list: listSiteResources,
    get: getSiteResource,
    commands: siteCommands,
  },
  {
    // `User` is the signed-in caller (`me`); accounts as administrators manage them are `UserAccount`.
    type: "UserAccount",
    plural: "users",
    singular: "user",
    schema: UserAccount,
    listQuery: UserListQuery,
    include: USER_INCLUDE,
    list: listUserResources,
    get: getUserResource,
    commands: userCommands,
  },
  {
    type: "PersonalToken",
    plural: "personalTokens",
    singular: "personalToken",
    schema: PersonalToken,
    listQuery: PersonalTokenListQuery,
    include: TOKEN_INCLUDE,
    list: listPersonalTokenResources,
    get: getPersonalTokenResource,
    commands: personalTokenCommands,
  },
];
