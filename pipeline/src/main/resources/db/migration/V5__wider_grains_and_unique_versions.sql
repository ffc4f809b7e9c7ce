-- KPI grains hold source text values, which may be as long as any staged text (1000 characters).
ALTER TABLE kpi_campaign ALTER COLUMN campaign_id SET DATA TYPE VARCHAR(1000);
ALTER TABLE kpi_segment ALTER COLUMN campaign_id SET DATA TYPE VARCHAR(1000);
ALTER TABLE kpi_segment ALTER COLUMN age SET DATA TYPE VARCHAR(1000);
ALTER TABLE kpi_segment ALTER COLUMN gender SET DATA TYPE VARCHAR(1000);
ALTER TABLE kpi_segment ALTER COLUMN interest SET DATA TYPE VARCHAR(1000);

-- A model version is deployed once: two runs deploying at the same time cannot take the same number.
ALTER TABLE deployment ADD CONSTRAINT deployment_version_once UNIQUE (model_name, version);
