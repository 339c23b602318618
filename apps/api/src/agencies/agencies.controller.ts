import { Controller, Get } from '@nestjs/common';
import { AgenciesService, type AgencyView } from './agencies.service';

@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Get()
  list(): Promise<AgencyView[]> {
    return this.agencies.list();
  }
}
