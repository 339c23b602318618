import { Injectable } from '@nestjs/common';
import type { AgencyView } from '@nianbao/api-contract';
import { AgenciesRepository } from '@nianbao/persistence';

@Injectable()
export class AgenciesService {
  constructor(private readonly agencies: AgenciesRepository) {}

  async list(): Promise<AgencyView[]> {
    const agencies = await this.agencies.list();
    return agencies.map(({ id, name, kind, region }) => ({ id, name, kind, region }));
  }
}
