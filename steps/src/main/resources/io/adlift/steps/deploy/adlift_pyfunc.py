"""Adlift's python_function loader: a deployed Adlift model that takes the pipeline's raw records.

MLflow imports this module from the model's ``code/`` folder and calls ``_load_pyfunc`` with the model's
folder. ``predict`` takes a pandas DataFrame of raw records as ``pandas.read_csv`` reads them from the
pipeline's files (for a multi-source pipeline, the record ``adlift_model.json`` describes) and answers
what ``adlift serve`` answers for them: a DataFrame with ``prediction`` (and ``probability`` for a
classifier; ``lower`` and ``upper``, the split-conformal interval at the nominal coverage stated in
``adlift_model.json``, for a regression model).

The features are encoded here exactly as Adlift's Java side encodes them, from the model's own
``feature-encoding.json`` (one-hot categories, ratios, products, log1p, buckets, date parts, the feature
selection and the standardisation fitted on the training rows), value for value in float32, so the
predictions equal the server's.
"""
import json
import math
import os

import numpy as np
import pandas as pd
import xgboost as xgb

CONFIG_FILE = "adlift_model.json"
ENCODING_FILE = "feature-encoding.json"
MODEL_FILE = "model.json"


def _load_pyfunc(path):
    if os.path.isfile(path):
        path = os.path.dirname(path)
    return AdliftModel(path)


class AdliftModel:
    def __init__(self, path):
        with open(os.path.join(path, CONFIG_FILE), encoding="utf-8") as f:
            self.config = json.load(f)
        with open(os.path.join(path, ENCODING_FILE), encoding="utf-8") as f:
            self.encoding = json.load(f)
        self.kinds = {c["name"]: c["kind"] for c in self.config["columns"]}
        self.booster = xgb.Booster()
        self.booster.load_model(os.path.join(path, MODEL_FILE))
        self.all_names = _all_names(self.encoding)
        selected = self.encoding.get("selected")
        self.names = list(selected) if selected is not None else self.all_names

    def predict(self, model_input, params=None):
        frame = model_input if isinstance(model_input, pd.DataFrame) else pd.DataFrame(model_input)
        rows = len(frame)
        known = np.full(rows, np.nan)
        for rule in self.config.get("known_answers", []):
            values = pd.to_numeric(frame[rule["column"]], errors="coerce").to_numpy(dtype=np.float64)
            hit = np.isnan(known) & (values == rule["equals"])
            known[hit] = rule["answer"]
        asked = np.isnan(known)
        outputs = np.full(rows, np.nan, dtype=np.float64)
        if asked.any():
            x = self.encode(frame[asked].reset_index(drop=True))
            matrix = xgb.DMatrix(x, missing=np.nan, feature_names=self.names)
            outputs[asked] = self.booster.predict(matrix).astype(np.float32).astype(np.float64)
        if self.config["task"] == "classification":
            prediction = np.where(outputs >= self.config["threshold"], 1.0, 0.0)
            prediction[~asked] = known[~asked]
            probability = np.where(asked, outputs, np.nan)
            return pd.DataFrame({"prediction": prediction, "probability": probability})
        prediction = np.where(asked, outputs, known)
        interval = self.config.get("interval")
        if interval is None:
            return pd.DataFrame({"prediction": prediction})
        # the split-conformal interval evaluate calibrated on held-out rows; a known answer is exact
        half = np.where(asked, interval["half_width"], 0.0)
        return pd.DataFrame({"prediction": prediction, "lower": prediction - half, "upper": prediction + half})

    def encode(self, frame):
        """The float32 feature matrix of ``frame``, as FeatureEncoding.encode writes it in Java."""
        columns = []
        for feature in self.encoding["features"]:
            kind = feature["kind"]
            cols = feature["columns"]
            name = feature["name"]
            if kind == "NUMERIC":
                columns.append(self._number(frame, cols[0]))
            elif kind == "LOG1P":
                x = self._number(frame, cols[0])
                with np.errstate(invalid="ignore"):
                    columns.append(np.where(x >= 0, np.log1p(np.where(x >= 0, x, 0.0)), np.nan))
            elif kind == "RATIO":
                num = self._number(frame, cols[0])
                den = self._number(frame, cols[1])
                with np.errstate(divide="ignore", invalid="ignore"):
                    columns.append(np.where(den == 0, np.nan, num / np.where(den == 0, 1.0, den)))
            elif kind == "PRODUCT":
                product = np.ones(len(frame))
                for c in cols:
                    product = product * self._number(frame, c)
                columns.append(product)
            elif kind in ("HOUR", "WEEKDAY", "MONTH"):
                columns.append(_date_part(kind, frame[cols[0]]))
            elif kind == "BUCKET":
                edges = np.asarray(self.encoding.get("bucketEdges", {}).get(name, []), dtype=np.float64)
                x = self._number(frame, cols[0])
                buckets = np.searchsorted(edges, np.where(np.isnan(x), 0.0, x), side="right").astype(np.float64)
                columns.append(np.where(np.isnan(x), np.nan, buckets))
            elif kind == "ONE_HOT":
                categories = self.encoding["categories"][name]
                texts = [self._text(v, cols[0]) for v in frame[cols[0]].tolist()]
                for category in categories:
                    columns.append(np.array([1.0 if t == category else 0.0 for t in texts]))
            else:
                raise ValueError("feature kind %s is not known to this loader" % kind)
        # each value becomes a float, as Java casts each one
        full = np.column_stack([np.asarray(c, dtype=np.float64).astype(np.float32) for c in columns]) \
            if columns else np.zeros((len(frame), 0), dtype=np.float32)
        if self.encoding.get("selected") is not None:
            keep = [i for i, n in enumerate(self.all_names) if n in set(self.names)]
            full = full[:, keep]
        means = self.encoding.get("means")
        if means is not None:
            stds = np.asarray(self.encoding["stds"], dtype=np.float64)
            full = ((full.astype(np.float64) - np.asarray(means, dtype=np.float64)) / stds).astype(np.float32)
        return full

    def _number(self, frame, column):
        values = frame[column]
        if values.dtype == bool:
            return values.astype(np.float64).to_numpy()
        return pd.to_numeric(values, errors="raise").astype(np.float64).to_numpy()

    def _text(self, value, column):
        """The category text Java compares: String.valueOf of the value as Adlift types the column."""
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return None
        kind = self.kinds.get(column, "STRING")
        if isinstance(value, (bool, np.bool_)):
            return "true" if value else "false"
        if kind == "INTEGER":
            return str(int(float(value)))
        if kind == "DECIMAL":
            return _java_double(float(value))
        if kind == "BOOLEAN":
            return str(value).strip().lower() in ("true", "1", "yes") and "true" or "false"
        if isinstance(value, (int, np.integer)):
            return str(int(value))
        if isinstance(value, (float, np.floating)):
            return str(int(value)) if float(value).is_integer() else repr(float(value))
        return str(value).strip()


def _all_names(encoding):
    names = []
    for feature in encoding["features"]:
        if feature["kind"] == "ONE_HOT":
            names.extend(feature["name"] + "=" + _ascii(c) for c in encoding["categories"][feature["name"]])
        else:
            names.append(feature["name"])
    return names


def _ascii(category):
    out = []
    for ch in category:
        code = ord(ch)
        if code > 0xFFFF:
            # Java counts UTF-16 units: a character beyond the BMP is two escapes there
            code -= 0x10000
            out.append("\\u%04x" % (0xD800 + (code >> 10)))
            out.append("\\u%04x" % (0xDC00 + (code & 0x3FF)))
        elif code < 0x20 or code > 0x7E or ch in "[]<":
            out.append("\\u%04x" % code)
        else:
            out.append(ch)
    return "".join(out)


def _date_part(kind, values):
    times = pd.to_datetime(values.astype("string").str.strip().str.replace(" ", "T", n=1, regex=False),
                           errors="coerce", format="ISO8601")
    if kind == "HOUR":
        part = times.dt.hour
    elif kind == "WEEKDAY":
        part = times.dt.dayofweek + 1
    else:
        part = times.dt.month
    return part.astype("float64").to_numpy()


def _java_double(x):
    """Java's Double.toString for the values a category can take."""
    if x == int(x) and abs(x) < 1e7:
        return "%.1f" % x
    if 1e-3 <= abs(x) < 1e7:
        return repr(x)
    mantissa, exponent = ("%r" % x).replace("e+", "e").split("e") if "e" in repr(x) else (repr(x), "0")
    return mantissa + ("" if "." in mantissa else ".0") + "E" + str(int(exponent))
