import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import type { UploadResult, UploadView } from '@nianbao/api-contract';
import { CreateUploadDto } from './dto/create-upload.dto';
import { UploadError, UploadErrorCode } from './upload.error';
import { StagedFilesCleanupInterceptor } from './staged-files-cleanup.interceptor';
import type { StagedFile } from './upload-staging';
import { UploadsService } from './uploads.service';

const uploadId = new ParseUUIDPipe({ exceptionFactory: () => new UploadError(UploadErrorCode.NotFound) });

@Controller('uploads')
export class UploadsController {
  constructor(private readonly uploads: UploadsService) {}

  /** 202 with one entry per file, accepted or rejected; fails as a whole only when no file passes (see UploadResult in @nianbao/api-contract). */
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @UseInterceptors(StagedFilesCleanupInterceptor, FilesInterceptor('files'))
  create(@UploadedFiles() files: StagedFile[] | undefined, @Body() body: CreateUploadDto): Promise<UploadResult[]> {
    return this.uploads.accept(files ?? [], body);
  }

  @Get(':id')
  findOne(@Param('id', uploadId) id: string): Promise<UploadView> {
    return this.uploads.status(id);
  }
}
