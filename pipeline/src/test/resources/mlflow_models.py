"""What a data scientist does with a model Adlift deployed, as MLflow's documentation shows it.

Usage: python mlflow_models.py PIPELINE MODEL_NAME EXPERIMENT INPUT OUT_DIR   (MLFLOW_TRACKING_URI set)

Finds the experiment's logged models with mlflow.search_logged_models, the champion version of MODEL_NAME and
its logged model; reads the pipeline's raw records from INPUT with pandas.read_csv (a file, or the folder of
one CSV per source: for a multi-source pipeline a record is what Adlift's model answers for, see below), loads
models:/MODEL_NAME@champion with mlflow.pyfunc and predicts them, without casting or encoding anything.
Writes OUT_DIR/records.json (the records, as JSON objects) and OUT_DIR/predictions.json (the pyfunc's answer),
and prints one JSON line describing what it found.
"""
import json
import math
import os
import sys

import mlflow
import mlflow.pyfunc
import pandas as pd

RECORDS = 400

# campaign-purchases: a campaign's design, its ads counted as Adlift's campaign rollup counts them
COUNTS = [("ads_facebook", "platform", "Facebook"), ("ads_instagram", "platform", "Instagram"),
          ("ads_carousel", "ad_type", "Carousel"), ("ads_image", "ad_type", "Image"),
          ("ads_stories", "ad_type", "Stories"), ("ads_video", "ad_type", "Video"),
          ("ads_gender_all", "target_gender", "All"), ("ads_gender_female", "target_gender", "Female"),
          ("ads_gender_male", "target_gender", "Male"), ("ads_age_18_24", "target_age_group", "18-24"),
          ("ads_age_25_34", "target_age_group", "25-34"), ("ads_age_35_44", "target_age_group", "35-44"),
          ("ads_age_all", "target_age_group", "All")]


def records(pipeline, path):
    if pipeline == "ad-conversions":
        return pd.read_csv(path)
    if pipeline == "campaign-clv":
        return pd.read_csv(os.path.join(path, "daily.csv"))
    if pipeline == "session-conversion":
        # a session with its campaign's columns
        sessions = pd.read_csv(os.path.join(path, "sessions.csv"))
        campaigns = pd.read_csv(os.path.join(path, "campaigns.csv"))
        return sessions.merge(campaigns, on="campaign_id", how="left")
    if pipeline == "campaign-purchases":
        campaigns = pd.read_csv(os.path.join(path, "campaigns.csv"))
        ads = pd.read_csv(os.path.join(path, "ads.csv"))
        by_campaign = ads.groupby("campaign_id")
        rollup = pd.DataFrame({"ads": by_campaign.size(), "unique_interests": by_campaign["interest"].nunique()})
        for name, column, value in COUNTS:
            rollup[name] = (ads[column] == value).groupby(ads["campaign_id"]).sum()
        frame = campaigns.merge(rollup, left_on="campaign_id", right_index=True, how="left")
        counted = ["ads", "unique_interests"] + [c[0] for c in COUNTS]
        frame[counted] = frame[counted].fillna(0).astype("int64")
        return frame
    raise SystemExit("unknown pipeline " + pipeline)


def plain(value):
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def main(pipeline, model_name, experiment, path, out):
    client = mlflow.MlflowClient()
    experiment_id = client.get_experiment_by_name(experiment).experiment_id
    logged = mlflow.search_logged_models(experiment_ids=[experiment_id], output_format="list")
    champion = client.get_model_version_by_alias(model_name, "champion")
    model = mlflow.pyfunc.load_model("models:/%s@champion" % model_name)
    names = model.metadata.get_input_schema().input_names()

    frame = records(pipeline, path)
    # every other row from the start, so that train and test rows both come
    frame = frame.iloc[: RECORDS * 2 : 2].reset_index(drop=True)
    asked = frame[[c for c in frame.columns if c in names]]
    answer = model.predict(asked)

    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "records.json"), "w", encoding="utf-8") as f:
        json.dump([{k: plain(v) for k, v in row.items()} for row in asked.to_dict(orient="records")], f)
    with open(os.path.join(out, "predictions.json"), "w", encoding="utf-8") as f:
        json.dump({c: [plain(v) for v in answer[c].tolist()] for c in answer.columns}, f)

    # The version's own model_id field is not kept by MLflow's open-source registry store (as of 3.17.2 its
    # tables have no such column); the version names its logged model in its source, models:/<model id>.
    model_id = champion.model_id or champion.source.removeprefix("models:/")
    found = [m for m in logged if m.model_id == model_id]
    report = {
        "mlflow_version": mlflow.__version__,
        "logged_models": [{"model_id": m.model_id, "name": m.name, "status": str(m.status),
                           "source_run_id": m.source_run_id,
                           "metrics": {x.key: x.value for x in (m.metrics or [])}} for m in logged],
        "champion_version": champion.version,
        "champion_model_id": model_id,
        "champion_model_id_field": champion.model_id,
        "champion_source": champion.source,
        "champion_found_by_search": bool(found),
        "input_columns": names,
        "input_types": {c.name: str(c.type) for c in model.metadata.get_input_schema().inputs},
        "frame_dtypes": {c: str(t) for c, t in asked.dtypes.items()},
        "rows": int(len(asked)),
        "answer_columns": list(answer.columns),
    }
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:6]))
