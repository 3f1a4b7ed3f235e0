/** A reference to an Organisation owned by the membership subgraph; the gateway resolves the rest. */
export interface OrganisationReference {
  id: string;
}

export const organisationReference = (id: string): OrganisationReference => ({ id });
