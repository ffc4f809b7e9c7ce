-- A regression model's split-conformal interval around each written prediction (evaluate.interval-coverage);
-- null for a classifier, and for predictions written before intervals existed.
ALTER TABLE model_prediction ADD COLUMN prediction_lower DOUBLE PRECISION;
ALTER TABLE model_prediction ADD COLUMN prediction_upper DOUBLE PRECISION;
