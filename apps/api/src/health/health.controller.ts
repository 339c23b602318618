import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { HealthView } from '@nianbao/api-contract';
import { HealthService } from './health.service';

@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthView> {
    const health = await this.health.check();
    if (health.status !== 'ok') response.status(503);
    return health;
  }
}
