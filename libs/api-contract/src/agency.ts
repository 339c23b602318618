/** The kinds of body that publish a report. */
export type AgencyKind = 'township' | 'town' | 'subdistrict' | 'department' | 'government';

/** One entry of `GET /api/agencies`, and a report's `agency`. */
export interface AgencyView {
  id: string;
  name: string;
  kind: AgencyKind;
  /** Null while the agency is not yet placed in a region. */
  region: string | null;
}
