// The sharding key of a row about no province (docs/scale.md, "Citus: the table map"): a citizen's
// account message, a national administrator's or a citizen's own act, a job's or the gateway's act
// about nothing known. '00' is a code no province has (GSO province codes are 01–96): under Citus
// it is one more tenant.
export const NATIONAL_PROVINCE = '00';
