/**
 * The one module that decides every permission (docs/product.md, "People and roles": all decisions
 * live in one policy module; every entry point calls it). Split by concern under lib/policy/; import from here.
 */
export {
  ACTIONS,
  authorize,
  authorizeAttempt,
  can,
  canSeeIdentifiers,
  decide,
  type Action,
  type Decision,
  type Resource,
} from "./policy/decide";
export { scopeKey, scopeSites, scopeStudies, scopeWhere } from "./policy/scope";
export { accountNavFor, HOME_BY_ROLE, navFor, type NavItem } from "./policy/nav";
