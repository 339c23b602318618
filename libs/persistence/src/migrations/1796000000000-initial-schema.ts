import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registry (region, agency), the uploads, the reports with their immutable versions, every cell value and
 * finding of a version, and current_value: the current versions' values keyed (key, year, agency) for charts.
 */
export class InitialSchema1796000000000 implements MigrationInterface {
  name = 'InitialSchema1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "region" (
        "id" uuid NOT NULL,
        "code" character varying(32),
        "name" character varying(128) NOT NULL,
        "parent_id" uuid,
        "level" character varying(16) NOT NULL,
        "is_demo" boolean NOT NULL DEFAULT false,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_region" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_region_name" ON "region" ("name")`);

    await queryRunner.query(`
      CREATE TABLE "agency" (
        "id" uuid NOT NULL,
        "name" character varying(128) NOT NULL,
        "aliases" text array NOT NULL DEFAULT '{}',
        "kind" character varying(16) NOT NULL,
        "region_id" uuid,
        "is_demo" boolean NOT NULL DEFAULT false,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_agency" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_agency_region_name" ON "agency" ("region_id", "name")`);

    await queryRunner.query(`
      CREATE TABLE "upload" (
        "id" uuid NOT NULL,
        "agency_id" uuid,
        "declared_year" integer,
        "file_name" character varying(255) NOT NULL,
        "media_type" character varying(255) NOT NULL,
        "size_bytes" integer NOT NULL,
        "sha256" character(64) NOT NULL,
        "storage_key" character varying(255) NOT NULL,
        "status" character varying(16) NOT NULL DEFAULT 'queued',
        "error_code" character varying(64),
        "error_message" text,
        "attempts" integer NOT NULL DEFAULT '0',
        "revision" integer NOT NULL DEFAULT '0',
        "is_demo" boolean NOT NULL DEFAULT false,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "finished_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_upload" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_upload_sha256" ON "upload" ("sha256")`);

    await queryRunner.query(`
      CREATE TABLE "report" (
        "id" uuid NOT NULL,
        "agency_id" uuid NOT NULL,
        "year" integer NOT NULL,
        "current_version_id" uuid,
        "review_status" character varying(16) NOT NULL DEFAULT 'submitted',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_report" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_report_agency_year" ON "report" ("agency_id", "year")`);

    await queryRunner.query(`
      CREATE TABLE "report_version" (
        "id" uuid NOT NULL,
        "report_id" uuid NOT NULL,
        "upload_id" uuid NOT NULL,
        "number" integer NOT NULL,
        "format" character varying(16) NOT NULL,
        "table_formats" jsonb NOT NULL,
        "parser_version" character varying(64) NOT NULL,
        "title" text,
        "agency_name" text,
        "region_name" text,
        "year" integer,
        "statistics_period" jsonb,
        "sections" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_report_version" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_report_version_upload" ON "report_version" ("upload_id")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_report_version_number" ON "report_version" ("report_id", "number")`,
    );

    await queryRunner.query(`
      CREATE TABLE "report_value" (
        "version_id" uuid NOT NULL,
        "key" character varying(96) NOT NULL,
        "value" numeric,
        "kind" character varying(8) NOT NULL,
        "raw" text NOT NULL,
        "unit" character varying(16),
        "source" jsonb,
        CONSTRAINT "PK_report_value" PRIMARY KEY ("version_id", "key")
      )`);

    await queryRunner.query(`
      CREATE TABLE "finding" (
        "id" BIGSERIAL NOT NULL,
        "version_id" uuid NOT NULL,
        "rule" character varying(96) NOT NULL,
        "severity" character varying(8) NOT NULL,
        "status" character varying(16) NOT NULL,
        "cells" text array NOT NULL,
        "expected" numeric,
        "actual" numeric,
        "message" text NOT NULL,
        CONSTRAINT "PK_finding" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_finding_version" ON "finding" ("version_id")`);

    await queryRunner.query(`
      CREATE TABLE "current_value" (
        "key" character varying(96) NOT NULL,
        "year" integer NOT NULL,
        "agency_id" uuid NOT NULL,
        "report_id" uuid NOT NULL,
        "version_id" uuid NOT NULL,
        "value" numeric,
        "kind" character varying(8) NOT NULL,
        CONSTRAINT "PK_current_value" PRIMARY KEY ("key", "year", "agency_id")
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_current_value_report" ON "current_value" ("report_id")`);

    const foreignKeys: [table: string, name: string, column: string, target: string, onDelete: string][] = [
      ['region', 'FK_region_parent', 'parent_id', 'region', 'RESTRICT'],
      ['agency', 'FK_agency_region', 'region_id', 'region', 'RESTRICT'],
      ['upload', 'FK_upload_agency', 'agency_id', 'agency', 'RESTRICT'],
      ['report', 'FK_report_agency', 'agency_id', 'agency', 'RESTRICT'],
      ['report', 'FK_report_current_version', 'current_version_id', 'report_version', 'RESTRICT'],
      ['report_version', 'FK_report_version_report', 'report_id', 'report', 'RESTRICT'],
      ['report_version', 'FK_report_version_upload', 'upload_id', 'upload', 'RESTRICT'],
      ['report_value', 'FK_report_value_version', 'version_id', 'report_version', 'CASCADE'],
      ['finding', 'FK_finding_version', 'version_id', 'report_version', 'CASCADE'],
      ['current_value', 'FK_current_value_agency', 'agency_id', 'agency', 'CASCADE'],
      ['current_value', 'FK_current_value_report', 'report_id', 'report', 'CASCADE'],
      ['current_value', 'FK_current_value_version', 'version_id', 'report_version', 'CASCADE'],
    ];
    for (const [table, name, column, target, onDelete] of foreignKeys) {
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${name}" FOREIGN KEY ("${column}") REFERENCES "${target}"("id") ` +
          `ON DELETE ${onDelete} ON UPDATE NO ACTION`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report" DROP CONSTRAINT "FK_report_current_version"`);
    for (const table of ['current_value', 'finding', 'report_value', 'report_version', 'report', 'upload', 'agency', 'region']) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
