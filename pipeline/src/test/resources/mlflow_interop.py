"""Loads a model Adlift registered, with MLflow's own Python client, and checks it against Adlift's predictions.

Usage: python mlflow_interop.py MODEL_URI RUN_ID   (MLFLOW_TRACKING_URI set in the environment)

Loads MODEL_URI (e.g. models:/ad-conversions@champion) with mlflow.xgboost, downloads the run's
evaluation/test_features.csv and evaluation/predictions.csv, predicts the encoded features, and compares
with the Java predictions; loads it with mlflow.pyfunc too and reports the raw columns its signature
takes (its predictions on raw records are checked by mlflow_models.py). Prints one JSON line with what it
found; exits 0 when the xgboost flavour agrees with Java to 1e-5, 1 otherwise.
"""
import json
import sys

import mlflow
import mlflow.pyfunc
import mlflow.xgboost
import numpy as np
import pandas as pd
import xgboost as xgb

TOLERANCE = 1e-5


def main(model_uri, run_id):
    client = mlflow.MlflowClient()
    features = pd.read_csv(mlflow.artifacts.download_artifacts(run_id=run_id, artifact_path="evaluation/test_features.csv"))
    expected = pd.read_csv(mlflow.artifacts.download_artifacts(run_id=run_id, artifact_path="evaluation/predictions.csv"))
    # The signature declares float (float32) columns: give the model exactly what the Java side saw.
    features = features.astype(np.float32)

    pyfunc_model = mlflow.pyfunc.load_model(model_uri)

    booster = mlflow.xgboost.load_model(model_uri)
    by_xgboost = np.asarray(booster.predict(xgb.DMatrix(features, missing=np.nan)), dtype=np.float64).ravel()

    java = expected["predicted"].to_numpy(dtype=np.float64)
    result = {
        "model_uri": model_uri,
        "rows": int(len(features)),
        "columns": list(features.columns),
        "java_rows": int(len(java)),
        "booster_class": type(booster).__module__ + "." + type(booster).__name__,
        "pyfunc_inputs": pyfunc_model.metadata.get_input_schema().input_names(),
        "max_abs_diff_xgboost": float(np.max(np.abs(by_xgboost - java))) if len(java) == len(by_xgboost) else None,
        "mlflow_version": mlflow.__version__,
        "xgboost_version": xgb.__version__,
    }
    ok = result["max_abs_diff_xgboost"] is not None and result["max_abs_diff_xgboost"] <= TOLERANCE
    result["ok"] = ok
    print(json.dumps(result))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
