package io.adlift.steps.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;
import tools.jackson.dataformat.yaml.util.StringQuotingChecker;

import io.adlift.steps.train.TrainedModel;

import static io.adlift.steps.deploy.MlflowModelDirectory.CODE_DIR;
import static io.adlift.steps.deploy.MlflowModelDirectory.CONDA_FILE;
import static io.adlift.steps.deploy.MlflowModelDirectory.INPUT_EXAMPLE_FILE;
import static io.adlift.steps.deploy.MlflowModelDirectory.MODEL_FILE;
import static io.adlift.steps.deploy.MlflowModelDirectory.PYFUNC_MODULE;
import static io.adlift.steps.deploy.MlflowModelDirectory.PYTHON_ENV_FILE;
import static io.adlift.steps.deploy.MlflowModelDirectory.REQUIREMENTS_FILE;

/**
 * The contents of the files an MLflow model directory holds besides the model itself: the {@code MLmodel}
 * document with its flavours and signature, the Python environments, the input example, the raw-record
 * loader's config and Adlift's provenance, as MLflow's own writers lay them out.
 */
final class MlflowModelFiles {

    // The newest MLflow the test command checks these models with.
    static final String MLFLOW_VERSION = "3.17.2";
    // Must equal the xgboost4j version in the parent POM: that is the library that wrote the JSON.
    static final String XGBOOST_VERSION = "3.0.4";
    static final String PYTHON_VERSION = "3.11";
    // The MLflow versions Adlift is tested with, oldest (3.5.1) to newest, as a range: a pin to one of them made
    // every load with another supported version warn of a mismatch. The 4.x line is not known to read these models.
    static final String MLFLOW_REQUIREMENT = "mlflow>=3.5.1,<4";
    static final List<String> REQUIREMENTS = List.of(
            MLFLOW_REQUIREMENT, "xgboost==" + XGBOOST_VERSION, "numpy", "pandas");

    private static final ObjectWriter JSON = JsonMapper.shared().writerWithDefaultPrettyPrinter();
    private static final ObjectWriter COMPACT_JSON = JsonMapper.shared().writer();
    private static final ObjectWriter YAML = YAMLMapper.builder(YAMLFactory.builder()
            .stringQuotingChecker(new Yaml11QuotingChecker())
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            // Long signature strings stay on one line, as MLflow writes them.
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .build()).build().writer();

    private MlflowModelFiles() {
    }

    static String yaml(Map<String, Object> document) {
        return YAML.writeValueAsString(document);
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** The raw records of {@code raw}'s example as an MLflow input example: a DataFrame in the "split" orientation. */
    static String inputExample(RawInputs raw) {
        List<String> columns = raw.columns().stream().map(RawInputs.Column::name).toList();
        List<List<Object>> data = new ArrayList<>();
        for (Map<String, Object> record : raw.example()) {
            List<Object> row = new ArrayList<>();
            columns.forEach(c -> row.add(record.get(c)));
            data.add(row);
        }
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("columns", columns);
        example.put("data", data);
        return COMPACT_JSON.writeValueAsString(example);
    }

    static Map<String, Object> inputExampleInfo() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("artifact_path", INPUT_EXAMPLE_FILE);
        info.put("type", "dataframe");
        info.put("pandas_orient", "split");
        return info;
    }

    static Map<String, Object> pyfuncConfig(RawInputs raw) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("task", raw.task());
        config.put("threshold", raw.threshold());
        config.put("columns", raw.columns());
        config.put("known_answers", raw.knownAnswers());
        if (raw.interval() != null && Double.isFinite(raw.interval().halfWidth())) {
            Map<String, Object> interval = new LinkedHashMap<>();
            interval.put("half_width", raw.interval().halfWidth());
            interval.put("nominal", raw.interval().nominal());
            interval.put("coverage", raw.interval().coverage());
            config.put("interval", interval);
        }
        return config;
    }

    static Map<String, Object> mlmodel(List<String> featureNames, String created, RawInputs raw) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("virtualenv", PYTHON_ENV_FILE);
        env.put("conda", CONDA_FILE);
        Map<String, Object> pyfunc = new LinkedHashMap<>();
        if (raw == null) {
            pyfunc.put("loader_module", "mlflow.xgboost");
            pyfunc.put("python_version", PYTHON_VERSION);
            pyfunc.put("data", MODEL_FILE);
        } else {
            // no "data": the loader gets the model's folder, with the model, its encoding and its config
            pyfunc.put("loader_module", PYFUNC_MODULE);
            pyfunc.put("python_version", PYTHON_VERSION);
            pyfunc.put("code", CODE_DIR);
        }
        pyfunc.put("env", env);
        Map<String, Object> xgboost = new LinkedHashMap<>();
        xgboost.put("xgb_version", XGBOOST_VERSION);
        xgboost.put("data", MODEL_FILE);
        xgboost.put("model_class", "xgboost.core.Booster");
        xgboost.put("model_format", "json");
        xgboost.put("code", null);
        Map<String, Object> flavors = new LinkedHashMap<>();
        flavors.put("python_function", pyfunc);
        flavors.put("xgboost", xgboost);

        List<Map<String, Object>> inputs = new ArrayList<>();
        List<Map<String, Object>> outputs = new ArrayList<>();
        if (raw == null) {
            for (String name : featureNames) {
                inputs.add(column(name, "float", true));
            }
            Map<String, Object> output = new LinkedHashMap<>();
            output.put("type", "tensor");
            Map<String, Object> tensorSpec = new LinkedHashMap<>();
            tensorSpec.put("dtype", "float32");
            tensorSpec.put("shape", List.of(-1));
            output.put("tensor-spec", tensorSpec);
            outputs.add(output);
        } else {
            raw.columns().forEach(c -> inputs.add(column(c.name(), c.type(), c.required())));
            outputs.add(column("prediction", "double", true));
            if ("classification".equals(raw.task())) {
                outputs.add(column("probability", "double", true));
            }
            if (raw.interval() != null && Double.isFinite(raw.interval().halfWidth())) {
                outputs.add(column("lower", "double", true));
                outputs.add(column("upper", "double", true));
            }
        }
        // MLflow keeps the signature's schemas as JSON text inside the YAML.
        Map<String, Object> signature = new LinkedHashMap<>();
        signature.put("inputs", COMPACT_JSON.writeValueAsString(inputs));
        signature.put("outputs", COMPACT_JSON.writeValueAsString(outputs));
        signature.put("params", null);

        // No model_id: MLflow expects one only for models logged through its LoggedModel API.
        Map<String, Object> mlmodel = new LinkedHashMap<>();
        mlmodel.put("artifact_path", "model");
        mlmodel.put("flavors", flavors);
        mlmodel.put("mlflow_version", MLFLOW_VERSION);
        mlmodel.put("utc_time_created", created);
        mlmodel.put("signature", signature);
        return mlmodel;
    }

    static Map<String, Object> column(String name, String type, boolean required) {
        Map<String, Object> column = new LinkedHashMap<>();
        column.put("type", type);
        column.put("name", name);
        column.put("required", required);
        return column;
    }

    static Map<String, Object> pythonEnv() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("python", PYTHON_VERSION);
        env.put("build_dependencies", List.of("pip"));
        env.put("dependencies", List.of("-r " + REQUIREMENTS_FILE));
        return env;
    }

    static Map<String, Object> condaEnv() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("name", "mlflow-env");
        env.put("channels", List.of("conda-forge"));
        env.put("dependencies", List.of("python=" + PYTHON_VERSION, "pip",
                Map.of("pip", REQUIREMENTS)));
        return env;
    }

    static Map<String, Object> provenance(ModelProvenance provenance, TrainedModel model,
            String created) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pipeline", provenance.pipeline());
        json.put("businessDate", provenance.businessDate());
        json.put("jobExecutionId", provenance.jobExecutionId());
        json.put("inputFingerprint", provenance.inputFingerprint());
        json.put("seed", provenance.seed());
        json.put("configHash", provenance.configHash());
        json.put("adliftVersion", provenance.adliftVersion());
        json.put("params", provenance.params());
        json.put("metrics", provenance.metrics());
        json.put("featureNames", model.featureNames());
        json.put("evalMetric", model.evalMetricName());
        json.put("trainingCurve", model.trainingCurve());
        json.put("modelFile", MODEL_FILE);
        json.put("createdUtc", created);
        return json;
    }

    /**
     * Python reads these files with PyYAML, a YAML 1.1 parser that turns plain scalars such as
     * {@code 3.11} or {@code 2025-01-01 10:00:00} into a float and a timestamp; MLflow wants the
     * strings. Quoting every value that does not start with a letter keeps them strings.
     */
    static final class Yaml11QuotingChecker extends StringQuotingChecker.Default {

        private static final long serialVersionUID = 1L;

        @Override
        public boolean needToQuoteValue(String value) {
            return value.isEmpty() || !Character.isLetter(value.charAt(0))
                    || super.needToQuoteValue(value);
        }
    }
}
