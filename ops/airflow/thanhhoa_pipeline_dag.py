"""Airflow DAG: the Thanh Hóa open-data pipeline's nightly run on a Spark cluster.

The task submits the project's cluster jar (target/pipeline-cluster.jar, Spark provided by the
cluster) with the same configuration file as a local run. Exit code 75 (another run holds the
lock) fails the try, and Airflow retries it later; exit 1 means nothing was published and the
previous release is still current.
"""
from datetime import timedelta

import pendulum
from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

PIPELINE_HOME = "/opt/thanhhoa-pipeline"

with DAG(
    dag_id="thanhhoa_opendata_nightly",
    description="Ingest, build and publish the Thanh Hoa open-data feed",
    schedule="30 1 * * *",
    start_date=pendulum.datetime(2025, 1, 1, tz="Asia/Ho_Chi_Minh"),
    catchup=False,
    max_active_runs=1,
    default_args={"owner": "opendata", "retries": 2, "retry_delay": timedelta(minutes=20)},
    tags=["thanhhoa", "opendata"],
) as dag:
    nightly = SparkSubmitOperator(
        task_id="nightly",
        conn_id="spark_default",
        application=f"{PIPELINE_HOME}/target/pipeline-cluster.jar",
        java_class="vn.thanhhoa.opendata.Main",
        application_args=["nightly", "--conf", f"{PIPELINE_HOME}/conf/pipeline.yaml", "--wait"],
        conf={
            "spark.sql.shuffle.partitions": "32",
            "spark.driver.extraJavaOptions": (
                f"-Dlog4j.configurationFile={PIPELINE_HOME}/ops/log4j2-cluster.properties"
                " -Duser.timezone=Asia/Ho_Chi_Minh -Dfile.encoding=UTF-8"
            ),
            "spark.executor.extraJavaOptions": "-Duser.timezone=Asia/Ho_Chi_Minh -Dfile.encoding=UTF-8",
        },
        driver_memory="2g",
        executor_memory="4g",
        execution_timeout=timedelta(hours=4),
    )
