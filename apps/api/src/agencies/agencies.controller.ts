import { Controller, Get } from '@nestjs/common';
import type { AgencyView } from '@nianbao/api-contract';
import { AgenciesService } from './agencies.service';

@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Get()
  list(): Promise<AgencyView[]> {
    return this.agencies.list();
  }
}
