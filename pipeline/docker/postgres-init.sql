-- Run once by the postgres image on an empty data volume (docker-entrypoint-initdb.d), as the
-- superuser (POSTGRES_USER=adlift) connected to POSTGRES_DB=adlift, which the image has created.
-- MLflow's tracking store gets its own database, owned by the same user.
CREATE DATABASE mlflow OWNER adlift;
