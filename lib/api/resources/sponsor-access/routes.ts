/**
 * POST /api/v1/studies/{id}/sponsor-access and …/sponsor-access/revoke — an administrator grants a
 * sponsor account access to a study, or revokes it, through the study setup's own lib functions.
 * A grant is a part of its study (audited on the study's site; it has no id of its own), so these
 * are commands on the study, and GraphQL's `grantSponsorAccess(id: studyId, input: { userId })`.
 */
import { grantSponsorAccess, revokeSponsorAccess } from "../../../admin/sponsor-access";
import { actionCommand, libCall } from "../../http/command";
import { SponsorAccess, SponsorAccessInput, sponsorAccessOf } from "./schema";

const home = { tag: "Sponsor access", path: "/studies", noun: "sponsor access grant" };
const output = { schema: SponsorAccess, of: sponsorAccessOf };
// Grants carry no version: nothing to be stale about.
const errors = [400, 401, 403, 404, 415, 422, 429];

export const sponsorAccessCommands = [
  actionCommand(home, "sponsor-access", {
    operationId: "grantSponsorAccess",
    summary: "Grant a sponsor account de-identified access to a study, or re-open a revoked grant (administrators)",
    body: SponsorAccessInput,
    status: 201,
    errors,
    run: libCall(grantSponsorAccess, "studyId"),
    output,
  }),
  actionCommand(home, "sponsor-access/revoke", {
    operationId: "revokeSponsorAccess",
    summary: "Revoke a sponsor account's access to a study; the grant stays on record (administrators)",
    body: SponsorAccessInput,
    errors,
    run: libCall(revokeSponsorAccess, "studyId"),
    output,
  }),
];
