import { Injectable } from '@nestjs/common';
import { AgenciesRepository, type AgencyKind } from '@nianbao/persistence';

export interface AgencyView {
  id: string;
  name: string;
  kind: AgencyKind;
  region: string | null;
}

@Injectable()
export class AgenciesService {
  constructor(private readonly agencies: AgenciesRepository) {}

  async list(): Promise<AgencyView[]> {
    const agencies = await this.agencies.list();
    return agencies.map(({ id, name, kind, region }) => ({ id, name, kind, region }));
  }
}
