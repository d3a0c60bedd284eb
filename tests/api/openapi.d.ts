/** Generated from /api/v1/openapi.json by `npm run api:types`. Do not edit. */
export interface paths {
    "/api/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: operations["getOpenApi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in: exchange a username and password for a token */
        post: operations["createSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Sign out: the token stops working at once */
        delete: operations["deleteSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user, with role, site and grants as of this request */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subjects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List subjects */
        get: operations["listSubjects"];
        put?: never;
        /** Register a subject */
        post: operations["createSubject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subjects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One subject */
        get: operations["getSubject"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a subject, or enroll, withdraw, complete or mark it lost to follow-up */
        patch: operations["updateSubject"];
        trace?: never;
    };
    "/api/v1/subjects/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A subject's timeline: screenings, visits, AEs, notes and their history, oldest first */
        get: operations["getSubjectTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subjects/{id}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retire the subject as entered in error (kept, out of lists and counts, with who, when and why) */
        post: operations["retireSubject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/screenings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List screenings (the screening queue) */
        get: operations["listScreenings"];
        put?: never;
        /** Record a screening outcome for a subject */
        post: operations["recordScreening"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/screenings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One screening */
        get: operations["getScreening"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Correct a recorded screening (with a reason) */
        patch: operations["updateScreening"];
        trace?: never;
    };
    "/api/v1/screenings/{id}/eligibility-signature": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** E-sign "Eligibility confirmed" for a passed screening (investigators; the password is re-entered) */
        post: operations["signEligibility"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/screenings/{id}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retire the screening as entered in error (kept, out of lists and counts, with who, when and why) */
        post: operations["retireScreening"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List visits */
        get: operations["listVisits"];
        put?: never;
        /** Schedule a visit for a subject */
        post: operations["scheduleVisit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/visits/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One visit */
        get: operations["getVisit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Complete, mark missed or cancel a visit, or change its time, location, coordinator or type */
        patch: operations["updateVisit"];
        trace?: never;
    };
    "/api/v1/visits/{id}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retire the visit as entered in error (kept, out of lists and counts, with who, when and why) */
        post: operations["retireVisit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/adverse-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List adverse events */
        get: operations["listAdverseEvents"];
        put?: never;
        /** Report an adverse event */
        post: operations["reportAdverseEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/adverse-events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One adverse event */
        get: operations["getAdverseEvent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit an adverse event (voids a live signature when signed content changes) */
        patch: operations["updateAdverseEvent"];
        trace?: never;
    };
    "/api/v1/adverse-events/{id}/assessment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assess an adverse event: causality, expectedness, grade, outcome (investigators; a reason to change an earlier assessment) */
        post: operations["assessAdverseEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/adverse-events/{id}/signature": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** E-sign "Reviewed and assessed" (investigators; the password is re-entered) */
        post: operations["signAdverseEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/adverse-events/{id}/sponsor-notification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that the sponsor was notified of a serious adverse event (stops its 24-hour clock) */
        post: operations["markSponsorNotified"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/adverse-events/{id}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retire the adverse event as entered in error (kept, out of lists and counts, with who, when and why) */
        post: operations["retireAdverseEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subject-notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List subject notes */
        get: operations["listSubjectNotes"];
        put?: never;
        /** Write a note on a subject */
        post: operations["createSubjectNote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subject-notes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One subject note */
        get: operations["getSubjectNote"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a note (its author only) */
        patch: operations["updateSubjectNote"];
        trace?: never;
    };
    "/api/v1/subject-notes/{id}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retire the note as entered in error (kept, out of lists and counts, with who, when and why) */
        post: operations["retireSubjectNote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List studies */
        get: operations["listStudies"];
        put?: never;
        /** Create a study (administrators) */
        post: operations["createStudy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One study */
        get: operations["getStudy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a study (administrators) */
        patch: operations["updateStudy"];
        trace?: never;
    };
    "/api/v1/studies/{id}/sponsor-access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Grant a sponsor account de-identified access to a study, or re-open a revoked grant (administrators) */
        post: operations["grantSponsorAccess"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studies/{id}/sponsor-access/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a sponsor account's access to a study; the grant stays on record (administrators) */
        post: operations["revokeSponsorAccess"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedule-items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List schedule items */
        get: operations["listScheduleItems"];
        put?: never;
        /** Add a planned visit to a study's schedule (administrators; later enrollments plan it) */
        post: operations["createScheduleItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedule-items/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One schedule item */
        get: operations["getScheduleItem"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a planned visit (administrators; visits already planned keep their dates) */
        patch: operations["updateScheduleItem"];
        trace?: never;
    };
    "/api/v1/schedule-items/{id}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retire a planned visit, with a reason (administrators; later enrollments no longer plan it) */
        post: operations["retireScheduleItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List sites */
        get: operations["listSites"];
        put?: never;
        /** Create a site with its time zone (administrators) */
        post: operations["createSite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One site */
        get: operations["getSite"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename a site or change its time zone (administrators; applies from everyone's next request) */
        patch: operations["updateSite"];
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users */
        get: operations["listUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/role": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Activate a pending account with a role and site, or change an active account's role or site (administrators) */
        post: operations["assignUserRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable or re-enable an account, with a reason (administrators; applies from its next request) */
        post: operations["setUserStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a temporary password for someone locked out (administrators); the answer never holds it */
        post: operations["resetUserPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List personal tokens */
        get: operations["listPersonalTokens"];
        put?: never;
        /** Create a personal API token (with a session token and your current password only); the answer holds its secret, shown once */
        post: operations["createPersonalToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One personal token */
        get: operations["getPersonalToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke one of your personal tokens: anything still using it is refused at once */
        post: operations["revokePersonalToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List notifications */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One notification */
        get: operations["getNotification"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Mark one of your notifications read; marking it again keeps the first time */
        patch: operations["updateNotification"];
        trace?: never;
    };
    "/api/v1/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all your unread notifications read (up to an instant, if given) */
        post: operations["markAllNotificationsRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List tasks */
        get: operations["listTasks"];
        put?: never;
        /** Create a follow-up task about a subject, visit, adverse event, screening or study */
        post: operations["createTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One task */
        get: operations["getTask"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Complete, dismiss (with a reason) or reopen a task, or edit its title, details, due time, priority or assignee */
        patch: operations["updateTask"];
        trace?: never;
    };
    "/api/v1/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live changes (Server-Sent Events)
         * @description A `text/event-stream` of changes to the records the caller may see (their site; a sponsor's granted studies; everything for an admin). Each change is an unnamed event with an `id:` and `data: {type, entity, id, studyId, subjectId, at}` (`subjectId`: the subject the record belongs to — its own id for a subject, null for studies, users and sites) — ids only, never personal data: fetch the record through the REST API to see it. Named events: `ready` (the stream is live), `reset` (changes may have been missed — refetch; sent when a `Last-Event-ID` is older than this server process's bounded in-memory buffer of recent changes, or from another process), `end` (the account may no longer listen; the stream closes). A comment line is sent about every 15 s as a heartbeat; the caller's rights are re-read then. Web pages may authenticate with their session cookie instead of a token.
         */
        get: operations["streamLiveChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description RFC 9457 problem details. */
        Problem: {
            type: string;
            title: string;
            status: number;
            /** @description What went wrong, in words a person can act on. */
            detail: string;
            /** @description The failing fields: a JSON pointer into the body, or the query parameter's name. */
            errors?: {
                pointer: string;
                detail: string;
            }[];
            /** @description For 409: the record as it is now. */
            current?: unknown;
        };
        User: {
            /** Format: uuid */
            id: string;
            username: string;
            displayName: string;
            /** @enum {string} */
            role: "coordinator" | "investigator" | "sponsor" | "admin";
            /** @enum {string} */
            status: "pending" | "active" | "disabled";
            siteId: string | null;
            siteName: string | null;
            siteTimezone: string | null;
            /** @description Sponsors: the studies granted to them. */
            sponsorStudyIds: string[];
        };
        SessionRequest: {
            username: string;
            password: string;
        };
        Session: {
            /** @description Send as `Authorization: Bearer <token>`; shown once. */
            token: string;
            /**
             * Format: date-time
             * @description An instant, ISO 8601 with a zone.
             */
            expiresAt: string;
            user: components["schemas"]["User"];
        };
        RetireInput: {
            version: number;
            reason: string;
        };
        RetiredRecord: {
            /** Format: uuid */
            id: string;
            version: number;
            /** Format: date-time */
            retiredAt: string;
            retireReason: string;
            /** Format: uuid */
            retiredById: string;
        };
        SignatureInput: {
            version: number;
            /** @description Your username. Required through the API (every API signature gives both components) and at the first signature of a web session. */
            username?: string;
            password: string;
        };
        Subject: {
            /** Format: uuid */
            id: string;
            version: number;
            /**
             * Format: date-time
             * @description An instant, ISO 8601 with a zone.
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description An instant, ISO 8601 with a zone.
             */
            updatedAt: string;
            subjectId: string;
            /** @description Null for sponsors. */
            fullName: string | null;
            /** @enum {string} */
            screeningStatus: "pending" | "passed" | "failed" | "rescreen";
            /** Format: uuid */
            studyId: string;
            /** Format: uuid */
            siteId: string;
            /** Format: uuid */
            coordinatorId: string;
            /** @description YYYY-MM-DD; the year only for sponsors. */
            dob: string | null;
            sexAtBirth: ("female" | "male" | "undifferentiated" | "unknown") | null;
            /** @description Null for sponsors. */
            consentSignedAt: string | null;
            /** @enum {string} */
            status: "screening" | "enrolled" | "screen_failed" | "completed" | "withdrawn" | "lost_to_follow_up";
            enrolledAt: string | null;
            withdrawnAt: string | null;
            /** @description Null for sponsors. */
            withdrawalReason: string | null;
            /** @description When the subject completed the study or was lost to follow-up (site-local date). */
            exitDate: string | null;
            /** @description Why (free text). Null for sponsors. */
            exitReason: string | null;
            /** @description When it was retired as entered in error; null while in use. */
            retiredAt: string | null;
            /** @description Who retired it. */
            retiredById: string | null;
            /** @description Why it was retired (free text). Null for sponsors. */
            retireReason: string | null;
            study?: {
                /** Format: uuid */
                id: string;
                protocolId: string;
                title: string;
                /** @enum {string} */
                status: "not_yet_recruiting" | "recruiting" | "active_not_recruiting" | "suspended" | "completed" | "terminated" | "withdrawn";
                /** Format: uuid */
                siteId: string;
            };
            coordinator?: {
                /** Format: uuid */
                id: string;
                username: string;
                displayName: string;
            };
        };
        SubjectTimeline: {
            /** @description The subject, as on its page (de-identified for sponsors). */
            subject: {
                [key: string]: unknown;
            };
            plannedVisitCount: number;
            entries: {
                /** @enum {string} */
                kind: "subject" | "consent" | "screening" | "visit" | "ae" | "note";
                key: string;
                /**
                 * Format: date-time
                 * @description An instant, ISO 8601 with a zone.
                 */
                at: string;
                /** @description For records dated by a calendar date (screenings, AEs). */
                dateOnly?: string;
                action?: string;
                record?: {
                    [key: string]: unknown;
                };
                history?: ({
                    id: string;
                    action: string;
                    /**
                     * Format: date-time
                     * @description An instant, ISO 8601 with a zone.
                     */
                    at: string;
                    actorName: string;
                    /** @description field → [old, new] */
                    changes: {
                        [key: string]: unknown[];
                    };
                    reason: string | null;
                } | {
                    id: string;
                    action: string;
                    /**
                     * Format: date-time
                     * @description An instant, ISO 8601 with a zone.
                     */
                    at: string;
                    actorName: string;
                    /** @description field → [old, new] */
                    changes: {
                        [key: string]: unknown[];
                    };
                    reason: string | null;
                }[]) | null;
            }[];
        };
        SubjectPatch: {
            /** @description The version you read; a stale one gets 409. */
            version: number;
            /** @description Required for edits, withdrawal, completion and loss to follow-up. */
            reason?: string;
            subjectId?: string;
            fullName?: string;
            /** Format: uuid */
            coordinatorId?: string;
            dob?: string;
            /** @enum {string} */
            sexAtBirth?: "female" | "male" | "undifferentiated" | "unknown";
            /** @description Null: not signed. */
            consentSignedAt?: string | null;
            /** @enum {string} */
            status?: "enrolled" | "withdrawn" | "completed" | "lost_to_follow_up";
            /** @description With `status: completed` or `lost_to_follow_up`: the site-local day (default today). */
            exitDate?: string;
        };
        Screening: {
            /** Format: uuid */
            id: string;
            version: number;
            /**
             * Format: date-time
             * @description An instant, ISO 8601 with a zone.
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description An instant, ISO 8601 with a zone.
             */
            updatedAt: string;
            /** Format: uuid */
            subjectId: string;
            /** Format: uuid */
            studyId: string;
            /** Format: uuid */
            siteId: string;
            /** @enum {string} */
            screeningStatus: "pending" | "passed" | "failed" | "rescreen";
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD.
             */
            screeningDate: string;
            /** Format: uuid */
            completedById: string;
            /** @description Free text. Null for sponsors. */
            notes: string | null;
            /** @description Why the subject failed screening (free text); null otherwise. Null for sponsors. */
            failReason: string | null;
            /** @description When it was retired as entered in error; null while in use. */
            retiredAt: string | null;
            /** @description Who retired it. */
            retiredById: string | null;
            /** @description Why it was retired (free text). Null for sponsors. */
            retireReason: string | null;
            subject?: {
                /** Format: uuid */
                id: string;
                subjectId: string;
                /** @description Null for sponsors. */
                fullName: string | null;
                /** @description YYYY-MM-DD; the year only for sponsors. */
                dob: string | null;
                sexAtBirth: ("female" | "male" | "undifferentiated" | "unknown") | null;
                /** @enum {string} */
                screeningStatus: "pending" | "passed" | "failed" | "rescreen";
                /** @enum {string} */
                status: "screening" | "enrolled" | "screen_failed" | "completed" | "withdrawn" | "lost_to_follow_up";
                /** Format: uuid */
                studyId: string;
            };
            study?: {
                /** Format: uuid */
                id: string;
                protocolId: string;
                title: string;
                /** @enum {string} */
                status: "not_yet_recruiting" | "recruiting" | "active_not_recruiting" | "suspended" | "completed" | "terminated" | "withdrawn";
                /** Format: uuid */
                siteId: string;
            };
            completedBy?: {
                /** Format: uuid */
                id: string;
                username: string;
                displayName: string;
            };
        };
        ScreeningPatch: {
            /** @description The version you read; a stale one gets 409. */
            version: number;
            /** @description Reason for the correction (required). */
            reason: string;
            /** @enum {string} */
            screeningStatus?: "pending" | "passed" | "failed" | "rescreen";
            /** @description YYYY-MM-DD; not in the future at the site. */
            screeningDate?: string;
            /**
             * Format: uuid
             * @description An active coordinator or investigator of the site.
             */
            completedById?: string;
            /** @description Null clears the notes. */
            notes?: string | null;
            /** @description Required when the outcome is `failed`. */
            failReason?: string | null;
        };
        Visit: {
            /** Format: uuid */
            id: string;
            version: number;
            /**
             * Format: date-time
             * @description An instant, ISO 8601 with a zone.
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description An instant, ISO 8601 with a zone.
             */
            updatedAt: string;
            /** Format: uuid */
            subjectId: string;
            /** Format: uuid */
            studyId: string;
            /** Format: uuid */
            siteId: string;
            /** @enum {string} */
            visitType: "screening" | "baseline" | "treatment" | "follow_up" | "unscheduled" | "end_of_study";
            /**
             * Format: date-time
             * @description An instant, ISO 8601 with a zone.
             */
            scheduledAt: string;
            /** @enum {string} */
            visitStatus: "scheduled" | "completed" | "missed" | "canceled";
            location: string | null;
            /** Format: uuid */
            coordinatorId: string;
            /** @description The protocol visit this fulfils; null for unscheduled visits. */
            scheduleItemId: string | null;
            /** @description Protocol window, first site-local day (inclusive). */
            windowStart: string | null;
            /** @description Protocol window, last site-local day (inclusive). */
            windowEnd: string | null;
            completedAt: string | null;
            /** @description Why it was canceled or missed (free text). Null for sponsors. */
            statusReason: string | null;
            /** @description When it was retired as entered in error; null while in use. */
            retiredAt: string | null;
            /** @description Who retired it. */
            retiredById: string | null;
            /** @description Why it was retired (free text). Null for sponsors. */
            retireReason: string | null;
            /** @description A scheduled or completed visit whose site-local date (completedAt when done, else scheduledAt) is outside its window. */
            outOfWindow: boolean;
            subject?: {
                /** Format: uuid */
                id: string;
                subjectId: string;
                /** @description Null for sponsors. */
                fullName: string | null;
                /** @description YYYY-MM-DD; the year only for sponsors. */
                dob: string | null;
                sexAtBirth: ("female" | "male" | "undifferentiated" | "unknown") | null;
                /** @enum {string} */
                screeningStatus: "pending" | "passed" | "failed" | "rescreen";
                /** @enum {string} */
                status: "screening" | "enrolled" | "screen_failed" | "completed" | "withdrawn" | "lost_to_follow_up";
                /** Format: uuid */
                studyId: string;
            };
            study?: {
                /** Format: uuid */
                id: string;
                protocolId: string;
                title: string;
                /** @enum {string} */
                status: "not_yet_recruiting" | "recruiting" | "active_not_recruiting" | "suspended" | "completed" | "terminated" | "withdrawn";
                /** Format: uuid */
                siteId: string;
            };
            coordinator?: {
                /** Format: uuid */
                id: string;
                username: string;
                displayName: string;
            };
        };
        VisitPatch: {
            /** @description The version you read; a stale one gets 409. */
            version: number;
            /** @description Required to cancel or to edit details; optional when marking missed; not taken when completing. */
            reason?: string;
            /** @enum {string} */
            visitStatus?: "completed" | "missed" | "canceled";
            /** @description With `visitStatus: completed`: when it took place (default now). ISO 8601 with a zone, or site-local YYYY-MM-DDTHH:mm. */
            completedAt?: string;
            /** @description A new time: reschedules the visit. ISO 8601 with a zone, or site-local YYYY-MM-DDTHH:mm. */
            scheduledAt?: string;
            /** @description Where the visit takes place; null clears it. */
            location?: string | null;
            /**
             * Format: uuid
             * @description An active coordinator or investigator of the visit's site.
             */
            coordinatorId?: string;
            /** @enum {string} */
            visitType?: "screening" | "baseline" | "treatment" | "follow_up" | "unscheduled" | "end_of_study";
        };
        AdverseEvent: {
            /** Format: uuid */
            id: string;
            version: number;
            /**
             * Format: date-time
             * @description An instant, ISO 8601 with a zone.
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description An instant, ISO 8601 with a zone.
             */
            updatedAt: string;
            /** Format: uuid */
            subjectId: string;
            /** Format: uuid */
            studyId: string;
            /** Format: uuid */
            siteId: string;
            eventTerm: string;
            /** @enum {string} */
            severity: "mild" | "moderate" | "severe";
            /** @description CTCAE grade 1–5. */
            grade: number | null;
            serious: boolean;
            seriousnessCriteria: ("death" | "life_threatening" | "hospitalization" | "disability" | "congenital_anomaly" | "other_important_medical_event")[];
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD.
             */
            onsetDate: string;
            endDate: string | null;
            outcome: ("recovered" | "recovering" | "not_recovered" | "recovered_with_sequelae" | "fatal" | "unknown") | null;
            /** @enum {string} */
            status: "open" | "follow_up" | "resolved" | "closed";
            /**
             * Format: date-time
             * @description When the site learnt of the event: a serious AE's 24-hour sponsor clock starts here.
             */
            awareAt: string;
            sponsorNotifiedAt: string | null;
            /** Format: uuid */
            reportedById: string;
            causality: ("not_related" | "unlikely" | "possible" | "probable" | "definite") | null;
            expectedness: ("expected" | "unexpected") | null;
            assessedById: string | null;
            assessedAt: string | null;
            /** @description When it was retired as entered in error; null while in use. */
            retiredAt: string | null;
            /** @description Who retired it. */
            retiredById: string | null;
            /** @description Why it was retired (free text). Null for sponsors. */
            retireReason: string | null;
            /** @description Whether a live (not voided) investigator e-signature stands. */
            signed: boolean;
            signedAt: string | null;
            signedById: string | null;
            /** @description The signer's printed name, as on the signature. */
            signedBy: string | null;
            subject?: {
                /** Format: uuid */
                id: string;
                subjectId: string;
                /** @description Null for sponsors. */
                fullName: string | null;
                /** @description YYYY-MM-DD; the year only for sponsors. */
                dob: string | null;
                sexAtBirth: ("female" | "male" | "undifferentiated" | "unknown") | null;
                /** @enum {string} */
                screeningStatus: "pending" | "passed" | "failed" | "rescreen";
                /** @enum {string} */
                status: "screening" | "enrolled" | "screen_failed" | "completed" | "withdrawn" | "lost_to_follow_up";
                /** Format: uuid */
                studyId: string;
            };
            study?: {
                /** Format: uuid */
                id: string;
                protocolId: string;
                title: string;
                /** @enum {string} */
                status: "not_yet_recruiting" | "recruiting" | "active_not_recruiting" | "suspended" | "completed" | "terminated" | "withdrawn";
                /** Format: uuid */
                siteId: string;
            };
            reportedBy?: {
                /** Format: uuid */
                id: string;
                username: string;
                displayName: string;
            };
        };
        AdverseEventPatch: {
            /** @description The version you read; a stale one gets 409. */
            version: number;
            /** @description Reason for the change (required). */
            reason: string;
            eventTerm?: string;
            /** @enum {string} */
            severity?: "mild" | "moderate" | "severe";
            /** @description CTCAE grade 1–5. */
            grade?: number;
            serious?: boolean;
            seriousnessCriteria?: ("death" | "life_threatening" | "hospitalization" | "disability" | "congenital_anomaly" | "other_important_medical_event")[];
            /** @description YYYY-MM-DD. */
            onsetDate?: string;
            /** @description YYYY-MM-DD; null clears it. */
            endDate?: string | null;
            outcome?: ("recovered" | "recovering" | "not_recovered" | "recovered_with_sequelae" | "fatal" | "unknown") | null;
            /** @enum {string} */
            status?: "open" | "follow_up" | "resolved" | "closed";
            /** @description An ISO 8601 instant with a zone, or the site's local YYYY-MM-DDTHH:mm. */
            awareAt?: string;
        };
        AssessmentInput: {
            version: number;
            /** @enum {string} */
            causality: "not_related" | "unlikely" | "possible" | "probable" | "definite";
            /** @enum {string} */
            expectedness: "expected" | "unexpected";
            grade: number;
            /** @enum {string} */
            outcome: "recovered" | "recovering" | "not_recovered" | "recovered_with_sequelae" | "fatal" | "unknown";
            reason?: string;
        };
        SponsorNotificationInput: {
            version: number;
        };
        SubjectNote: {
            /** Format: uuid */
            id: string;
            version: number;
            /**
             * Format: date-time
             * @description An instant, ISO 8601 with a zone.
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description An instant, ISO 8601 with a zone.
             */
            updatedAt: string;
            /** Format: uuid */
            subjectId: string;
            /** Format: uuid */
            studyId: string;
            /** Format: uuid */
            siteId: string;
            /** Format: uuid */
            authorId: string;
            /** @enum {string} */
            noteType: "call" | "visit" | "screening" | "consent" | "general";
            /** @description Free text. Null for sponsors. */
            noteText: string | null;
            /** @description When it was retired as entered in error; null while in use. */
            retiredAt: string | null;
            /** @description Who retired it. */
            retiredById: string | null;
            /** @description Why it was retired (free text). Null for sponsors. */
            retireReason: string | null;
            subject?: {
                /** Format: uuid */
                id: string;
                subjectId: string;
                /** @description Null for sponsors. */
                fullName: string | null;
                /** @description YYYY-MM-DD; the year only for sponsors. */
                dob: string | null;
                sexAtBirth: ("female" | "male" | "undifferentiated" | "unknown") | null;
                /** @enum {string} */
                screeningStatus: "pending" | "passed" | "failed" | "rescreen";
                /** @enum {string} */
                status: "screening" | "enrolled" | "screen_failed" | "completed" | "withdrawn" | "lost_to_follow_up";
                /** Format: uuid */
                studyId: string;
            };
            author?: {
                /** Format: uuid */
                id: string;
                username: string;
                displayName: string;
            };
        };
        SubjectNotePatch: {
            /** @description The version you read; a stale one gets 409. */
            version: number;
            /** @description Reason for the change (required). */
            reason: string;
            /** @enum {string} */
            noteType?: "call" | "visit" | "screening" | "consent" | "general";
            noteText?: string;
        };
        SponsorAccess: {
            /** Format: uuid */
            studyId: string;
            /**
             * Format: uuid
             * @description The sponsor account.
             */
            userId: string;
            grantedById: string | null;
            /**
             * Format: date-time
             * @description An instant, ISO 8601 with a zone.
             */
            grantedAt: string;
            /** @description Null while the grant stands. */
            revokedAt: string | null;
        };
        SponsorAccessInput: {
            /** Format: uuid */
            userId: string;
        };
        Study: {
            /** Format: uuid */
            id: string;
            version: number;
            /**
             * Format: date-time
             * @description An instant, ISO 8601 with a zone.
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description An instant, ISO 8601 with a zone.
             */
            updatedAt: string;
            protocolId: string;
            title: string;
            /** @enum {string} */
            status: "not_yet_recruiting" | "recruiting" | "active_not_recruiting" | "suspended" | "completed" | "terminated" | "withdrawn";
            /** Format: uuid */
            principalInvestigatorId: string;
            /** Format: uuid */
            siteId: string;
            siteName: string;
            principalInvestigator?: {
                /** Format: uuid */
                id: string;
                username: string;
                displayName: string;
            };
            site?: {
                /** Format: uuid */
                id: string;
                name: string;
                timezone: string;
            };
        };
        StudyPatch: {
            protocolId?: string;
            title?: string;
            /** @enum {string} */
            status?: "not_yet_recruiting" | "recruiting" | "active_not_recruiting" | "suspended" | "completed" | "terminated" | "withdrawn";
            /** Format: uuid */
            principalInvestigatorId?: string;
            /** Format: uuid */
            siteId?: string;
            /** @description The version you read; a stale one gets 409. */
            version: number;
        };
        ScheduleItem: {
            /** Format: uuid */
            id: string;
            version: number;
            /**
             * Format: date-time
             * @description An instant, ISO 8601 with a zone.
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description An instant, ISO 8601 with a zone.
             */
            updatedAt: string;
            /** Format: uuid */
            studyId: string;
            code: string;
            name: string;
            /** @enum {string} */
            visitType: "screening" | "baseline" | "treatment" | "follow_up" | "unscheduled" | "end_of_study";
            /** @description Days from enrollment. */
            dayOffset: number;
            windowBefore: number;
            windowAfter: number;
            sortOrder: number;
            /** @description Set once retired: later enrollments no longer plan it. */
            retiredAt: string | null;
            retireReason: string | null;
            retiredById: string | null;
        };
        ScheduleItemInput: {
            code: string;
            name: string;
            /** @enum {string} */
            visitType: "screening" | "baseline" | "treatment" | "follow_up" | "unscheduled" | "end_of_study";
            dayOffset: number;
            windowBefore: number;
            windowAfter: number;
            sortOrder: number;
            /** Format: uuid */
            studyId: string;
        };
        ScheduleItemPatch: {
            code?: string;
            name?: string;
            /** @enum {string} */
            visitType?: "screening" | "baseline" | "treatment" | "follow_up" | "unscheduled" | "end_of_study";
            dayOffset?: number;
            windowBefore?: number;
            windowAfter?: number;
            sortOrder?: number;
            /** @description The version you read; a stale one gets 409. */
            version: number;
        };
        ScheduleItemRetireInput: {
            version: number;
            reason: string;
        };
        Site: {
            /** Format: uuid */
            id: string;
            version: number;
            /**
             * Format: date-time
             * @description An instant, ISO 8601 with a zone.
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description An instant, ISO 8601 with a zone.
             */
            updatedAt: string;
            name: string;
            /** @description IANA time zone every site-local date is read in. */
            timezone: string;
            studyCount: number;
            /** @description Active coordinators and investigators of the site. */
            staffCount: number;
        };
        SitePatch: {
            name?: string;
            timezone?: string;
            /** @description The version you read; a stale one gets 409. */
            version: number;
        };
        UserAccount: {
            /** Format: uuid */
            id: string;
            version: number;
            /**
             * Format: date-time
             * @description An instant, ISO 8601 with a zone.
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description An instant, ISO 8601 with a zone.
             */
            updatedAt: string;
            username: string;
            email: string;
            displayName: string;
            /**
             * @description For a pending sign-up: the role asked for.
             * @enum {string}
             */
            role: "coordinator" | "investigator" | "sponsor" | "admin";
            /** @enum {string} */
            status: "pending" | "active" | "disabled";
            /** @description Coordinators and investigators: their site; null for sponsors and administrators. */
            siteId: string | null;
        };
        RoleInput: {
            /** @enum {string} */
            role: "coordinator" | "investigator" | "sponsor" | "admin";
            siteId: string | null;
            version: number;
        };
        StatusInput: {
            /** @enum {string} */
            status: "active" | "disabled";
            version: number;
            reason: string;
        };
        PasswordResetInput: {
            version: number;
            password: string;
            confirmPassword: string;
        };
        PersonalToken: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @description The first characters of the token, to recognise it by. */
            prefix: string;
            /**
             * Format: date-time
             * @description An instant, ISO 8601 with a zone.
             */
            createdAt: string;
            lastUsedAt: string | null;
            /** @description When it stops working. Null only for a token made before tokens had a maximum lifetime: it stops API_TOKEN_MAX_DAYS after createdAt. */
            expiresAt: string | null;
            revokedAt: string | null;
        };
        NewPersonalToken: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @description The first characters of the token, to recognise it by. */
            prefix: string;
            /**
             * Format: date-time
             * @description An instant, ISO 8601 with a zone.
             */
            createdAt: string;
            lastUsedAt: string | null;
            /** @description When it stops working. Null only for a token made before tokens had a maximum lifetime: it stops API_TOKEN_MAX_DAYS after createdAt. */
            expiresAt: string | null;
            revokedAt: string | null;
            /** @description The secret: send it as `Authorization: Bearer <token>`. Shown in this answer only; the server keeps a hash. */
            token: string;
        };
        RevokeTokenInput: Record<string, never>;
        NewPersonalTokenInput: {
            name: string;
            /** @description Days until the token expires, at most API_TOKEN_MAX_DAYS (90 unless configured); null or absent for that maximum. */
            expiresInDays: number | null;
            /** @description Your current password. Checked, never stored, logged or returned. */
            password: string;
        };
        Notification: {
            /** Format: uuid */
            id: string;
            /**
             * @description What it is about; each category reaches the person as their notification settings say.
             * @enum {string}
             */
            category: "safety" | "visits" | "screening" | "tasks" | "admin";
            /** @description The rule that raised it, e.g. `sae.reported`. */
            rule: string;
            title: string;
            body: string;
            /** @description The kind of record it is about, e.g. `adverse_event`. */
            entity: string;
            /**
             * Format: uuid
             * @description The record it is about.
             */
            entityId: string;
            /** @description The subject the record belongs to, if any. */
            subjectId: string | null;
            /** @description The web app's path of the record, e.g. `/adverse-events/{id}`. */
            link: string;
            /** @description When the caller first marked it read; null while unread. */
            readAt: string | null;
            /**
             * Format: date-time
             * @description An instant, ISO 8601 with a zone.
             */
            createdAt: string;
        };
        NotificationPatch: {
            /** @constant */
            read: true;
        };
        MarkedRead: {
            /** @description How many notifications this marked read. */
            marked: number;
        };
        MarkAllNotificationsReadInput: {
            /**
             * Format: date-time
             * @description Mark only notifications created at or before this instant (what the person saw); default: all.
             */
            upTo?: string;
        };
        Task: {
            /** Format: uuid */
            id: string;
            version: number;
            /**
             * Format: date-time
             * @description An instant, ISO 8601 with a zone.
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description An instant, ISO 8601 with a zone.
             */
            updatedAt: string;
            /** Format: uuid */
            siteId: string;
            studyId: string | null;
            /** @description The subject the task concerns; null for a study's task. */
            subjectId: string | null;
            /**
             * @description What the task is about; `entityId` is that record's id.
             * @enum {string}
             */
            entity: "subject" | "visit" | "adverse_event" | "screening" | "study";
            /** Format: uuid */
            entityId: string;
            title: string;
            /** @description Free text. Null for sponsors. */
            details: string | null;
            /**
             * Format: date-time
             * @description When it is due; entered and shown in the site's time zone.
             */
            dueAt: string;
            /** @description The one person who has it; null when it is for a role. */
            assigneeId: string | null;
            /** @description Everyone of this role at the task's site; null when it is for one person. */
            assigneeRole: ("coordinator" | "investigator" | "sponsor" | "admin") | null;
            /** @enum {string} */
            priority: "low" | "normal" | "high" | "urgent";
            /** @enum {string} */
            status: "open" | "done" | "dismissed";
            /** @description Why it was dismissed (free text). Null for sponsors. */
            dismissReason: string | null;
            /** @description When it was completed or dismissed; null while open. */
            closedAt: string | null;
            closedById: string | null;
            /**
             * @description `person`: made by someone; `rule`: made by TrialDesk's follow-up rules.
             * @enum {string}
             */
            source: "person" | "rule";
            createdById: string | null;
        };
        TaskPatch: {
            /** @description The version you read; a stale one gets 409. */
            version: number;
            /**
             * @description `done` completes, `dismissed` dismisses (with a reason), `open` reopens a closed task.
             * @enum {string}
             */
            status?: "open" | "done" | "dismissed";
            /** @description Why the task is dismissed: required with `status: dismissed`, taken with nothing else. */
            reason?: string;
            title?: string;
            /** @description Free text; null clears it. */
            details?: string | null;
            /** @description A new due time. ISO 8601 with a zone, or site-local YYYY-MM-DDTHH:mm. */
            dueAt?: string;
            /** @enum {string} */
            priority?: "low" | "normal" | "high" | "urgent";
            /**
             * Format: uuid
             * @description An active coordinator or investigator of the task's site (replaces a role).
             */
            assigneeId?: string;
            /**
             * @description Everyone of this role at the task's site (replaces a person).
             * @enum {string}
             */
            assigneeRole?: "coordinator" | "investigator";
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getOpenApi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI 3.1 document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SessionRequest"];
            };
        };
        responses: {
            /** @description Signed in. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSubjects: {
        parameters: {
            query?: {
                studyId?: string;
                screeningStatus?: "pending" | "passed" | "failed" | "rescreen";
                status?: "screening" | "enrolled" | "screen_failed" | "completed" | "withdrawn" | "lost_to_follow_up";
                /** @description Records retired as entered in error: `exclude` (default) leaves them out, `include` lists them too, `only` lists them alone. A retired record carries `retiredAt`, `retiredById` and `retireReason`. */
                retired?: "exclude" | "include" | "only";
                /** @description Field to order by; prefix with `-` for descending. */
                order?: "subjectId" | "-subjectId" | "createdAt" | "-createdAt" | "updatedAt" | "-updatedAt";
                limit?: number;
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Related records to embed, comma-separated: study, coordinator. */
                include?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of subjects. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Subject"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createSubject: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    subjectId: string;
                    fullName: string;
                    /** Format: uuid */
                    coordinatorId: string;
                    dob: string;
                    /** @enum {string} */
                    sexAtBirth: "female" | "male" | "undifferentiated" | "unknown";
                    consentSignedAt: string | null;
                    /** Format: uuid */
                    studyId: string;
                    /**
                     * @default pending
                     * @enum {string}
                     */
                    screeningStatus?: "pending" | "passed" | "failed" | "rescreen";
                };
            };
        };
        responses: {
            /** @description The new subject. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Subject"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSubject: {
        parameters: {
            query?: {
                /** @description Related records to embed, comma-separated: study, coordinator. */
                include?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The subject. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Subject"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateSubject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubjectPatch"];
            };
        };
        responses: {
            /** @description The subject as saved. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Subject"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale version: someone saved first. `current` holds the record as it is now. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSubjectTimeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The timeline. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubjectTimeline"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retireSubject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetireInput"];
            };
        };
        responses: {
            /** @description The subject afterwards. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetiredRecord"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale version: someone saved first. `current` holds the record as it is now. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listScreenings: {
        parameters: {
            query?: {
                studyId?: string;
                /** @description The subject's record id (`Subject.id`). */
                subjectId?: string;
                screeningStatus?: "pending" | "passed" | "failed" | "rescreen";
                /** @description Screened on or after this date (YYYY-MM-DD). */
                screeningFrom?: string;
                /** @description Screened on or before this date (YYYY-MM-DD). */
                screeningTo?: string;
                /** @description Records retired as entered in error: `exclude` (default) leaves them out, `include` lists them too, `only` lists them alone. A retired record carries `retiredAt`, `retiredById` and `retireReason`. */
                retired?: "exclude" | "include" | "only";
                /** @description Field to order by; prefix with `-` for descending. */
                order?: "screeningDate" | "-screeningDate" | "createdAt" | "-createdAt" | "updatedAt" | "-updatedAt";
                limit?: number;
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Related records to embed, comma-separated: subject, study, completedBy. */
                include?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of screenings. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Screening"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordScreening: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    subjectId: string;
                    subjectVersion: number;
                    /** @enum {string} */
                    screeningStatus: "pending" | "passed" | "failed" | "rescreen";
                    screeningDate?: string;
                    /** Format: uuid */
                    completedById?: string;
                    notes?: string;
                    failReason?: string;
                };
            };
        };
        responses: {
            /** @description The new screening. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Screening"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale version: someone saved first. `current` holds the record as it is now. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getScreening: {
        parameters: {
            query?: {
                /** @description Related records to embed, comma-separated: subject, study, completedBy. */
                include?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The screening. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Screening"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateScreening: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScreeningPatch"];
            };
        };
        responses: {
            /** @description The screening as saved. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Screening"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale version: someone saved first. `current` holds the record as it is now. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    signEligibility: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignatureInput"];
            };
        };
        responses: {
            /** @description The screening afterwards. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Screening"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale version: someone saved first. `current` holds the record as it is now. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retireScreening: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetireInput"];
            };
        };
        responses: {
            /** @description The screening afterwards. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetiredRecord"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale version: someone saved first. `current` holds the record as it is now. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listVisits: {
        parameters: {
            query?: {
                studyId?: string;
                /** @description The subject's record id (`Subject.id`). */
                subjectId?: string;
                visitStatus?: "scheduled" | "completed" | "missed" | "canceled";
                visitType?: "screening" | "baseline" | "treatment" | "follow_up" | "unscheduled" | "end_of_study";
                /** @description Scheduled at or after this instant (ISO 8601 with a zone). */
                scheduledFrom?: string;
                /** @description Scheduled before this instant (exclusive; ISO 8601 with a zone). */
                scheduledTo?: string;
                /** @description Records retired as entered in error: `exclude` (default) leaves them out, `include` lists them too, `only` lists them alone. A retired record carries `retiredAt`, `retiredById` and `retireReason`. */
                retired?: "exclude" | "include" | "only";
                /** @description Field to order by; prefix with `-` for descending. */
                order?: "scheduledAt" | "-scheduledAt" | "createdAt" | "-createdAt" | "updatedAt" | "-updatedAt";
                limit?: number;
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Related records to embed, comma-separated: subject, study, coordinator. */
                include?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of visits. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Visit"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    scheduleVisit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    subjectId: string;
                    /** @enum {string} */
                    visitType: "screening" | "baseline" | "treatment" | "follow_up" | "unscheduled" | "end_of_study";
                    scheduledAt: string;
                    location: string | null;
                    /** Format: uuid */
                    coordinatorId?: string;
                };
            };
        };
        responses: {
            /** @description The new visit. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Visit"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getVisit: {
        parameters: {
            query?: {
                /** @description Related records to embed, comma-separated: subject, study, coordinator. */
                include?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The visit. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Visit"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateVisit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VisitPatch"];
            };
        };
        responses: {
            /** @description The visit as saved. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Visit"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale version: someone saved first. `current` holds the record as it is now. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retireVisit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetireInput"];
            };
        };
        responses: {
            /** @description The visit afterwards. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetiredRecord"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale version: someone saved first. `current` holds the record as it is now. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAdverseEvents: {
        parameters: {
            query?: {
                studyId?: string;
                subjectId?: string;
                serious?: "true" | "false";
                status?: "open" | "follow_up" | "resolved" | "closed";
                severity?: "mild" | "moderate" | "severe";
                /** @description Onset on or after this date (YYYY-MM-DD). */
                onsetFrom?: string;
                /** @description Onset on or before this date (YYYY-MM-DD). */
                onsetTo?: string;
                /** @description Records retired as entered in error: `exclude` (default) leaves them out, `include` lists them too, `only` lists them alone. A retired record carries `retiredAt`, `retiredById` and `retireReason`. */
                retired?: "exclude" | "include" | "only";
                /** @description Field to order by; prefix with `-` for descending. */
                order?: "onsetDate" | "-onsetDate" | "awareAt" | "-awareAt" | "createdAt" | "-createdAt" | "updatedAt" | "-updatedAt";
                limit?: number;
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Related records to embed, comma-separated: subject, study, reportedBy. */
                include?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of adverse events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AdverseEvent"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reportAdverseEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    subjectId: string;
                    eventTerm: string;
                    /** @enum {string} */
                    severity: "mild" | "moderate" | "severe";
                    grade: number;
                    serious: boolean;
                    seriousnessCriteria: ("death" | "life_threatening" | "hospitalization" | "disability" | "congenital_anomaly" | "other_important_medical_event")[];
                    onsetDate: string;
                    awareAt?: string;
                    outcome?: ("recovered" | "recovering" | "not_recovered" | "recovered_with_sequelae" | "fatal" | "unknown") | null;
                    endDate?: string | null;
                    /** @enum {string} */
                    status?: "open" | "follow_up" | "resolved" | "closed";
                };
            };
        };
        responses: {
            /** @description The new adverse event. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdverseEvent"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAdverseEvent: {
        parameters: {
            query?: {
                /** @description Related records to embed, comma-separated: subject, study, reportedBy. */
                include?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The adverse event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdverseEvent"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateAdverseEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdverseEventPatch"];
            };
        };
        responses: {
            /** @description The adverse event as saved. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdverseEvent"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale version: someone saved first. `current` holds the record as it is now. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    assessAdverseEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssessmentInput"];
            };
        };
        responses: {
            /** @description The adverse event afterwards. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdverseEvent"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale version: someone saved first. `current` holds the record as it is now. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    signAdverseEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignatureInput"];
            };
        };
        responses: {
            /** @description The adverse event afterwards. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdverseEvent"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale version: someone saved first. `current` holds the record as it is now. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markSponsorNotified: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SponsorNotificationInput"];
            };
        };
        responses: {
            /** @description The adverse event afterwards. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdverseEvent"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale version: someone saved first. `current` holds the record as it is now. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retireAdverseEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetireInput"];
            };
        };
        responses: {
            /** @description The adverse event afterwards. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetiredRecord"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale version: someone saved first. `current` holds the record as it is now. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSubjectNotes: {
        parameters: {
            query?: {
                subjectId?: string;
                studyId?: string;
                noteType?: "call" | "visit" | "screening" | "consent" | "general";
                /** @description Records retired as entered in error: `exclude` (default) leaves them out, `include` lists them too, `only` lists them alone. A retired record carries `retiredAt`, `retiredById` and `retireReason`. */
                retired?: "exclude" | "include" | "only";
                /** @description Field to order by; prefix with `-` for descending. */
                order?: "createdAt" | "-createdAt" | "updatedAt" | "-updatedAt";
                limit?: number;
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Related records to embed, comma-separated: subject, author. */
                include?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of notes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["SubjectNote"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createSubjectNote: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    subjectId: string;
                    /** @enum {string} */
                    noteType: "call" | "visit" | "screening" | "consent" | "general";
                    noteText: string;
                };
            };
        };
        responses: {
            /** @description The new note. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubjectNote"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSubjectNote: {
        parameters: {
            query?: {
                /** @description Related records to embed, comma-separated: subject, author. */
                include?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The note. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubjectNote"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateSubjectNote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubjectNotePatch"];
            };
        };
        responses: {
            /** @description The note as saved. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubjectNote"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale version: someone saved first. `current` holds the record as it is now. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retireSubjectNote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetireInput"];
            };
        };
        responses: {
            /** @description The note afterwards. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetiredRecord"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale version: someone saved first. `current` holds the record as it is now. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listStudies: {
        parameters: {
            query?: {
                status?: "not_yet_recruiting" | "recruiting" | "active_not_recruiting" | "suspended" | "completed" | "terminated" | "withdrawn";
                siteId?: string;
                /** @description Field to order by; prefix with `-` for descending. */
                order?: "protocolId" | "-protocolId" | "createdAt" | "-createdAt" | "updatedAt" | "-updatedAt";
                limit?: number;
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Related records to embed, comma-separated: principalInvestigator, site. */
                include?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of studies. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Study"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createStudy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    protocolId: string;
                    title: string;
                    /** @enum {string} */
                    status: "not_yet_recruiting" | "recruiting" | "active_not_recruiting" | "suspended" | "completed" | "terminated" | "withdrawn";
                    /** Format: uuid */
                    principalInvestigatorId: string;
                    /** Format: uuid */
                    siteId: string;
                };
            };
        };
        responses: {
            /** @description The new study. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Study"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getStudy: {
        parameters: {
            query?: {
                /** @description Related records to embed, comma-separated: principalInvestigator, site. */
                include?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The study. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Study"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateStudy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StudyPatch"];
            };
        };
        responses: {
            /** @description The study as saved. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Study"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale version: someone saved first. `current` holds the record as it is now. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    grantSponsorAccess: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SponsorAccessInput"];
            };
        };
        responses: {
            /** @description The sponsor access grant afterwards. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SponsorAccess"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeSponsorAccess: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SponsorAccessInput"];
            };
        };
        responses: {
            /** @description The sponsor access grant afterwards. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SponsorAccess"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listScheduleItems: {
        parameters: {
            query?: {
                studyId?: string;
                /** @description Field to order by; prefix with `-` for descending. */
                order?: "sortOrder" | "-sortOrder" | "code" | "-code" | "createdAt" | "-createdAt";
                limit?: number;
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Related records to embed, comma-separated: none. */
                include?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of schedule items. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ScheduleItem"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createScheduleItem: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScheduleItemInput"];
            };
        };
        responses: {
            /** @description The new schedule item. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleItem"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getScheduleItem: {
        parameters: {
            query?: {
                /** @description Related records to embed, comma-separated: none. */
                include?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The schedule item. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleItem"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateScheduleItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScheduleItemPatch"];
            };
        };
        responses: {
            /** @description The schedule item as saved. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleItem"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale version: someone saved first. `current` holds the record as it is now. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retireScheduleItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScheduleItemRetireInput"];
            };
        };
        responses: {
            /** @description The schedule item afterwards. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleItem"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale version: someone saved first. `current` holds the record as it is now. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSites: {
        parameters: {
            query?: {
                /** @description Field to order by; prefix with `-` for descending. */
                order?: "name" | "-name" | "createdAt" | "-createdAt";
                limit?: number;
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Related records to embed, comma-separated: none. */
                include?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of sites. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Site"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createSite: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    timezone: string;
                };
            };
        };
        responses: {
            /** @description The new site. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Site"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSite: {
        parameters: {
            query?: {
                /** @description Related records to embed, comma-separated: none. */
                include?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The site. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Site"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateSite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SitePatch"];
            };
        };
        responses: {
            /** @description The site as saved. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Site"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale version: someone saved first. `current` holds the record as it is now. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                status?: "pending" | "active" | "disabled";
                role?: "coordinator" | "investigator" | "sponsor" | "admin";
                siteId?: string;
                /** @description Field to order by; prefix with `-` for descending. */
                order?: "username" | "-username" | "createdAt" | "-createdAt";
                limit?: number;
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Related records to embed, comma-separated: none. */
                include?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of users. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["UserAccount"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: {
                /** @description Related records to embed, comma-separated: none. */
                include?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserAccount"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    assignUserRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoleInput"];
            };
        };
        responses: {
            /** @description The user afterwards. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserAccount"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale version: someone saved first. `current` holds the record as it is now. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setUserStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StatusInput"];
            };
        };
        responses: {
            /** @description The user afterwards. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserAccount"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale version: someone saved first. `current` holds the record as it is now. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resetUserPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetInput"];
            };
        };
        responses: {
            /** @description The user afterwards. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserAccount"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale version: someone saved first. `current` holds the record as it is now. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPersonalTokens: {
        parameters: {
            query?: {
                /** @description Field to order by; prefix with `-` for descending. */
                order?: "createdAt" | "-createdAt";
                limit?: number;
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Related records to embed, comma-separated: none. */
                include?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of personal tokens. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["PersonalToken"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createPersonalToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewPersonalTokenInput"];
            };
        };
        responses: {
            /** @description The new personal token. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NewPersonalToken"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPersonalToken: {
        parameters: {
            query?: {
                /** @description Related records to embed, comma-separated: none. */
                include?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The personal token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonalToken"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokePersonalToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevokeTokenInput"];
            };
        };
        responses: {
            /** @description The personal token afterwards. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonalToken"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                /** @description `true`: unread only; `false`: read only; left out: all. */
                unread?: "true" | "false";
                category?: "safety" | "visits" | "screening" | "tasks" | "admin";
                /** @description Field to order by; prefix with `-` for descending. */
                order?: "createdAt" | "-createdAt";
                limit?: number;
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Related records to embed, comma-separated: none. */
                include?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of notifications. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Notification"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getNotification: {
        parameters: {
            query?: {
                /** @description Related records to embed, comma-separated: none. */
                include?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The notification. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notification"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationPatch"];
            };
        };
        responses: {
            /** @description The notification as saved. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notification"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markAllNotificationsRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MarkAllNotificationsReadInput"];
            };
        };
        responses: {
            /** @description How many this marked read. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarkedRead"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTasks: {
        parameters: {
            query?: {
                /** @description `me`: the caller's tasks, assigned to them or to their role at their site; or a user's id, for that person's. */
                assignee?: "me" | string;
                status?: "open" | "done" | "dismissed";
                priority?: "low" | "normal" | "high" | "urgent";
                /** @description The subject's record id (`Subject.id`). */
                subjectId?: string;
                studyId?: string;
                entity?: "subject" | "visit" | "adverse_event" | "screening" | "study";
                /** @description The record the task is about. */
                entityId?: string;
                /** @description Due before this instant (exclusive; ISO 8601 with a zone). */
                dueBefore?: string;
                /** @description Field to order by; prefix with `-` for descending. */
                order?: "dueAt" | "-dueAt" | "createdAt" | "-createdAt" | "updatedAt" | "-updatedAt";
                limit?: number;
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Related records to embed, comma-separated: none. */
                include?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of tasks. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Task"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createTask: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    entity: "subject" | "visit" | "adverse_event" | "screening" | "study";
                    /** Format: uuid */
                    entityId: string;
                    title: string;
                    details: string | null;
                    dueAt: string;
                    /** @enum {string} */
                    priority?: "low" | "normal" | "high" | "urgent";
                    /** Format: uuid */
                    assigneeId?: string;
                    /** @enum {string} */
                    assigneeRole?: "coordinator" | "investigator";
                };
            };
        };
        responses: {
            /** @description The new task. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTask: {
        parameters: {
            query?: {
                /** @description Related records to embed, comma-separated: none. */
                include?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TaskPatch"];
            };
        };
        responses: {
            /** @description The task as saved. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description The request is malformed (bad JSON, unknown or invalid query parameter). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record — or one of another site, which is the same thing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale version: someone saved first. `current` holds the record as it is now. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule; `errors` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error; nothing was saved. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    streamLiveChanges: {
        parameters: {
            query?: {
                /** @description The same as the Last-Event-ID header, for clients that cannot set headers. */
                lastEventId?: string;
            };
            header?: {
                /** @description Resume after this event id. */
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event stream; it stays open. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example id: k3v9x2a1-42
                     *     data: {"type":"updated","entity":"visit","id":"7c1e…","studyId":"0b2f…","subjectId":"5d0a…","at":"2025-01-01T12:00:00.000Z"}
                     */
                    "text/event-stream": string;
                };
            };
            /** @description No valid token or session. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected error. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
