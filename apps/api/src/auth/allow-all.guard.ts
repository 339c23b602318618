import { Injectable, type CanActivate } from '@nestjs/common';

@Injectable()
export class AllowAllGuard implements CanActivate {
  canActivate(): boolean {
    return true;
  }
}
