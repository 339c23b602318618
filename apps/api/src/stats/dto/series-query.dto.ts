import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';

function commaList(value: unknown): unknown {
  return typeof value === 'string' ? value.split(',').map((part) => part.trim()).filter((part) => part !== '') : value;
}

/** `?metric=<key>&years=2021,2022[&agencyIds=a,b]` */
export class SeriesQueryDto {
  @IsString()
  metric!: string;

  @Transform(({ value }) => {
    const list = commaList(value);
    return Array.isArray(list) ? list.map((year) => (/^\d{4}$/.test(String(year)) ? Number(year) : Number.NaN)) : list;
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsInt({ each: true })
  @Min(2000, { each: true })
  @Max(2100, { each: true })
  years!: number[];

  @IsOptional()
  @Transform(({ value }) => commaList(value))
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  agencyIds?: string[];
}
