-- KPI tables of the seed data models beyond ad-conversions, the lift forecast, and model predictions.
-- Same conventions as V2: one grain per table, ratios NULL when their denominator is zero, and every row
-- carrying pipeline, business date and lineage (job execution, MLflow run, time).

-- campaign-clv: per day and campaign, and per day over all campaigns; ROI = (clv - spend) / spend.
CREATE TABLE kpi_campaign_daily (
    pipeline VARCHAR(100) NOT NULL, business_date DATE NOT NULL,
    activity_date DATE NOT NULL, campaign VARCHAR(1000) NOT NULL,
    impressions BIGINT NOT NULL, clicks BIGINT NOT NULL, conversions BIGINT NOT NULL,
    spend DOUBLE PRECISION NOT NULL, clv DOUBLE PRECISION NOT NULL,
    ctr DOUBLE PRECISION, conversion_rate DOUBLE PRECISION, roi DOUBLE PRECISION,
    spend_to_date DOUBLE PRECISION NOT NULL, clv_to_date DOUBLE PRECISION NOT NULL, roi_to_date DOUBLE PRECISION,
    job_execution_id BIGINT NOT NULL, mlflow_run_id VARCHAR(64), computed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (pipeline, business_date, activity_date, campaign)
);

CREATE TABLE kpi_daily (
    pipeline VARCHAR(100) NOT NULL, business_date DATE NOT NULL,
    activity_date DATE NOT NULL, campaigns BIGINT NOT NULL,
    impressions BIGINT NOT NULL, clicks BIGINT NOT NULL, conversions BIGINT NOT NULL,
    spend DOUBLE PRECISION NOT NULL, clv DOUBLE PRECISION NOT NULL,
    ctr DOUBLE PRECISION, conversion_rate DOUBLE PRECISION, roi DOUBLE PRECISION,
    spend_to_date DOUBLE PRECISION NOT NULL, clv_to_date DOUBLE PRECISION NOT NULL, roi_to_date DOUBLE PRECISION,
    job_execution_id BIGINT NOT NULL, mlflow_run_id VARCHAR(64), computed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (pipeline, business_date, activity_date)
);

-- session-conversion: last-touch attributed orders and revenue per campaign and per creative.
CREATE TABLE kpi_session_campaign (
    pipeline VARCHAR(100) NOT NULL, business_date DATE NOT NULL,
    campaign_id VARCHAR(1000) NOT NULL, name VARCHAR(1000), creative_format VARCHAR(1000),
    creative_theme VARCHAR(1000), start_date DATE,
    spend DOUBLE PRECISION NOT NULL, sessions BIGINT NOT NULL, converted_sessions BIGINT NOT NULL,
    conversion_rate DOUBLE PRECISION, orders BIGINT NOT NULL, revenue DOUBLE PRECISION NOT NULL,
    roas DOUBLE PRECISION, cac DOUBLE PRECISION, payback_day INT,
    job_execution_id BIGINT NOT NULL, mlflow_run_id VARCHAR(64), computed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (pipeline, business_date, campaign_id)
);

CREATE TABLE kpi_creative (
    pipeline VARCHAR(100) NOT NULL, business_date DATE NOT NULL,
    creative_format VARCHAR(1000) NOT NULL, creative_theme VARCHAR(1000) NOT NULL,
    campaigns BIGINT NOT NULL, spend DOUBLE PRECISION NOT NULL, sessions BIGINT NOT NULL, orders BIGINT NOT NULL,
    revenue DOUBLE PRECISION NOT NULL, roas DOUBLE PRECISION, cac DOUBLE PRECISION,
    job_execution_id BIGINT NOT NULL, mlflow_run_id VARCHAR(64), computed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (pipeline, business_date, creative_format, creative_theme)
);

CREATE TABLE kpi_payback (
    pipeline VARCHAR(100) NOT NULL, business_date DATE NOT NULL,
    day_since_launch INT NOT NULL, revenue DOUBLE PRECISION NOT NULL, cumulative_revenue DOUBLE PRECISION NOT NULL,
    spend DOUBLE PRECISION NOT NULL, recovered DOUBLE PRECISION, paid_back BOOLEAN NOT NULL,
    job_execution_id BIGINT NOT NULL, mlflow_run_id VARCHAR(64), computed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (pipeline, business_date, day_since_launch)
);

-- A classifier's forecast: predicted conversions and revenue if spend rose by a fraction.
CREATE TABLE kpi_lift_forecast (
    pipeline VARCHAR(100) NOT NULL, business_date DATE NOT NULL,
    spend_increase DOUBLE PRECISION NOT NULL, extra_spend DOUBLE PRECISION NOT NULL,
    predicted_conversions DOUBLE PRECISION NOT NULL, extra_conversions DOUBLE PRECISION NOT NULL,
    extra_revenue DOUBLE PRECISION NOT NULL, incremental_roas DOUBLE PRECISION,
    job_execution_id BIGINT NOT NULL, mlflow_run_id VARCHAR(64), computed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (pipeline, business_date, spend_increase)
);

-- campaign-purchases: campaigns with their ads and ad events rolled up.
CREATE TABLE kpi_campaign_rollup (
    pipeline VARCHAR(100) NOT NULL, business_date DATE NOT NULL,
    campaign_id VARCHAR(1000) NOT NULL, duration_days BIGINT, total_budget DOUBLE PRECISION,
    start_month BIGINT, end_month BIGINT, ads BIGINT NOT NULL, unique_interests BIGINT NOT NULL,
    ads_facebook BIGINT NOT NULL, ads_instagram BIGINT NOT NULL,
    ads_carousel BIGINT NOT NULL, ads_image BIGINT NOT NULL, ads_stories BIGINT NOT NULL, ads_video BIGINT NOT NULL,
    ads_gender_all BIGINT NOT NULL, ads_gender_female BIGINT NOT NULL, ads_gender_male BIGINT NOT NULL,
    ads_age_18_24 BIGINT NOT NULL, ads_age_25_34 BIGINT NOT NULL, ads_age_35_44 BIGINT NOT NULL,
    ads_age_all BIGINT NOT NULL,
    impressions BIGINT NOT NULL, clicks BIGINT NOT NULL, purchases BIGINT NOT NULL,
    ctr DOUBLE PRECISION, purchase_rate DOUBLE PRECISION,
    job_execution_id BIGINT NOT NULL, mlflow_run_id VARCHAR(64), computed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (pipeline, business_date, campaign_id)
);

-- influencer-roas.
CREATE TABLE kpi_influencer (
    pipeline VARCHAR(100) NOT NULL, business_date DATE NOT NULL,
    influencer_id VARCHAR(1000) NOT NULL, name VARCHAR(1000), platform VARCHAR(1000), category VARCHAR(1000),
    gender VARCHAR(1000), influencer_type VARCHAR(1000), follower_count BIGINT,
    posts BIGINT NOT NULL, reach BIGINT NOT NULL, likes BIGINT NOT NULL, comments BIGINT NOT NULL,
    engagement_rate DOUBLE PRECISION, orders BIGINT NOT NULL, revenue DOUBLE PRECISION NOT NULL,
    payout DOUBLE PRECISION NOT NULL, roas DOUBLE PRECISION, poor_roi BOOLEAN NOT NULL, profit DOUBLE PRECISION NOT NULL,
    job_execution_id BIGINT NOT NULL, mlflow_run_id VARCHAR(64), computed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (pipeline, business_date, influencer_id)
);

CREATE TABLE kpi_persona (
    pipeline VARCHAR(100) NOT NULL, business_date DATE NOT NULL,
    category VARCHAR(1000) NOT NULL, gender VARCHAR(1000) NOT NULL,
    influencers BIGINT NOT NULL, revenue DOUBLE PRECISION NOT NULL, payout DOUBLE PRECISION NOT NULL,
    roas DOUBLE PRECISION,
    job_execution_id BIGINT NOT NULL, mlflow_run_id VARCHAR(64), computed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (pipeline, business_date, category, gender)
);

CREATE TABLE kpi_platform_engagement (
    pipeline VARCHAR(100) NOT NULL, business_date DATE NOT NULL,
    platform VARCHAR(1000) NOT NULL, influencers BIGINT NOT NULL, posts BIGINT NOT NULL, likes BIGINT NOT NULL,
    comments BIGINT NOT NULL, reach BIGINT NOT NULL, engagement_rate DOUBLE PRECISION,
    job_execution_id BIGINT NOT NULL, mlflow_run_id VARCHAR(64), computed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (pipeline, business_date, platform)
);

CREATE TABLE kpi_influencer_summary (
    pipeline VARCHAR(100) NOT NULL, business_date DATE NOT NULL,
    influencers BIGINT NOT NULL, revenue DOUBLE PRECISION NOT NULL, payout DOUBLE PRECISION NOT NULL,
    roas DOUBLE PRECISION, poor_roi_influencers BIGINT NOT NULL,
    exposed_users BIGINT NOT NULL, control_users BIGINT NOT NULL,
    exposed_conversion_rate DOUBLE PRECISION, control_conversion_rate DOUBLE PRECISION,
    exposed_revenue_per_user DOUBLE PRECISION, control_revenue_per_user DOUBLE PRECISION,
    lift DOUBLE PRECISION, lift_ci_low DOUBLE PRECISION, lift_ci_high DOUBLE PRECISION,
    incremental_revenue DOUBLE PRECISION, iroas DOUBLE PRECISION,
    job_execution_id BIGINT NOT NULL, mlflow_run_id VARCHAR(64), computed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (pipeline, business_date)
);

-- Every modelled row's prediction, when a definition asks for them (evaluate.write-predictions).
CREATE TABLE model_prediction (
    pipeline VARCHAR(100) NOT NULL, business_date DATE NOT NULL,
    row_key VARCHAR(1000) NOT NULL, data_split VARCHAR(5) NOT NULL,
    actual DOUBLE PRECISION, prediction DOUBLE PRECISION NOT NULL,
    job_execution_id BIGINT NOT NULL, mlflow_run_id VARCHAR(64), computed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (pipeline, business_date, row_key)
);
