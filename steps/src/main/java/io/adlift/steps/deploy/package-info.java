/**
 * Deployment packaging: {@link io.adlift.steps.deploy.MlflowModelDirectory} writes a trained model
 * as an MLflow model directory (the {@code xgboost} and {@code python_function} flavours, so that
 * Python's {@code mlflow.xgboost.load_model} and {@code mlflow.pyfunc.load_model} load it) with its
 * {@link io.adlift.steps.deploy.ModelProvenance} beside it. Registering the directory with a
 * tracking server is done elsewhere.
 */
package io.adlift.steps.deploy;
