import { hasRole } from '@safeguarding/auth';
import { boundedText, conflict, DateScalar, isUniqueViolation, singleLineText, slugArgument } from '@safeguarding/subgraph-runtime';
import { OrganisationEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';
import { meetingResolvers } from './meeting';
import { membershipResolvers } from './membership';
import { mutationResolvers } from './mutation';
import { agendaCandidateResolvers } from './agenda-candidates';

const registryResolvers: Resolvers = {
  Query: {
    organisations: (_root, { sector, nameContains }, { dataSource }) => {
      const query = dataSource.getRepository(OrganisationEntity).createQueryBuilder('organisation').orderBy('organisation.name', 'ASC');
      if (sector) query.andWhere('organisation.sector = :sector', { sector });
      if (nameContains) {
        const text = boundedText(nameContains, 'nameContains', 100).replace(/[\\%_]/g, (match) => `\\${match}`);
        query.andWhere(
          "(organisation.name ILIKE :pattern OR EXISTS (SELECT 1 FROM unnest(organisation.also_known_as) AS alias WHERE alias ILIKE :pattern))",
          { pattern: `%${text}%` },
        );
      }
      return query.getMany();
    },
    organisation: (_root, { id }, { loaders }) => (id.length > 64 ? null : loaders.organisation.load(id)),
  },
  Mutation: {
    registerOrganisation: async (_root, { input }, { dataSource }) => {
      const organisation = {
        id: slugArgument(input.id, 'id'),
        name: singleLineText(input.name, 'name', 200),
        sector: input.sector,
        alsoKnownAs: (input.alsoKnownAs ?? []).map((alias) => singleLineText(alias, 'alsoKnownAs', 200)),
        source: null,
      };
      const repository = dataSource.getRepository(OrganisationEntity);
      try {
        await repository.insert(organisation);
      } catch (error) {
        // The primary key and the unique name index settle a race between two registrations.
        if (isUniqueViolation(error)) {
          throw conflict(`An organisation with the id "${organisation.id}" or the name "${organisation.name}" is already registered; use it instead.`);
        }
        throw error;
      }
      return repository.findOneByOrFail({ id: organisation.id });
    },
  },
  Organisation: {
    __resolveReference: (reference, { loaders }) => loaders.organisation.load(reference.id),
    viewerCanEdit: (_organisation, _args, { caller }) => hasRole(caller, 'regional-admin'),
  },
};

export const resolvers: Resolvers = {
  Date: DateScalar,
  Query: { ...registryResolvers.Query, ...membershipResolvers.Query },
  Mutation: { ...registryResolvers.Mutation, ...mutationResolvers.Mutation },
  Organisation: { ...registryResolvers.Organisation, ...membershipResolvers.Organisation },
  Partnership: membershipResolvers.Partnership,
  Post: membershipResolvers.Post,
  Membership: membershipResolvers.Membership,
  Designation: membershipResolvers.Designation,
  SharedAgency: membershipResolvers.SharedAgency,
  SharedAgencySide: membershipResolvers.SharedAgencySide,
  Body: membershipResolvers.Body,
  ChairRuleBreach: membershipResolvers.ChairRuleBreach,
  Meeting: meetingResolvers.Meeting,
  AttendanceRecord: meetingResolvers.AttendanceRecord,
  QuorumEvaluation: meetingResolvers.QuorumEvaluation,
  AgendaCandidates: agendaCandidateResolvers.AgendaCandidates,
};
