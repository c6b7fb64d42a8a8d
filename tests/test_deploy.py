"""The image definition, the Kubernetes base and the compose file, checked offline: hadolint, the
kustomize render accepted by kubernetes-validate for a current Kubernetes, HAProxy's own check,
and what the hosting issue asks of each (non-root, read-only, probes, affinity, no data volume)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import kubernetes_validate
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DOCKERFILE = ROOT / "Dockerfile"
K8S = ROOT / "deploy" / "k8s"
KUBERNETES = "1.37.0"
HEALTH = "/_stcore/health"


def tool(name: str) -> str:
    """A command the hosting checks need: .ci/run installs haproxy and kubectl (Debian) and
    requirements-dev.txt hadolint. Missing on a developer's machine: skipped, saying which;
    under CI: a failure."""
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if not found:
        message = f"{name} is not installed (apt-get install {name}; .ci/run installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


# --- the image ---------------------------------------------------------------------------------


def test_the_image_definition_is_hadolint_clean() -> None:
    linted = subprocess.run(
        [tool("hadolint"), "--no-color", str(DOCKERFILE)], capture_output=True, text=True
    )
    assert linted.returncode == 0, linted.stdout + linted.stderr


def test_the_image_is_pinned_slim_non_root_and_checks_its_health() -> None:
    text = DOCKERFILE.read_text(encoding="utf-8")
    base = re.search(r"^FROM (\S+)", text, re.M)
    assert base and re.fullmatch(r"python:3\.11\.\d+-slim-\w+", base.group(1))
    assert re.search(r"^USER 10001$", text, re.M)
    assert "HEALTHCHECK" in text and HEALTH in text
    assert "--only-binary=:all:" in text  # wheels only: no compiler needed, none left in
    for build_tool in ("apt-get", "gcc", "build-essential"):
        assert build_tool not in text
    assert "COPY .streamlit/config.toml" in text  # the privacy config is part of the image


def test_the_build_context_is_only_what_the_image_copies() -> None:
    allowed = {
        line.strip()[1:].rstrip("/")
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.startswith("!")
    }
    copied = {
        source.rstrip("/")
        for line in DOCKERFILE.read_text().splitlines()
        if line.startswith("COPY ")
        for source in line.split()[1:-1]
    }
    assert copied <= allowed
    assert (ROOT / ".dockerignore").read_text().splitlines()[1] == "*"  # all else stays out


def test_the_privacy_config_baked_in_keeps_everything_on_the_machine() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["browser"]["gatherUsageStats"] is False
    assert config["client"]["showErrorDetails"] == "none"
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"]["enableAgentApi"] is False


# --- Kubernetes ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def objects() -> dict[str, dict]:
    rendered = subprocess.run(
        [tool("kubectl"), "kustomize", str(K8S)], capture_output=True, text=True, check=True
    )
    return {item["kind"]: item for item in yaml.safe_load_all(rendered.stdout) if item}


def test_kustomize_renders_the_whole_base(objects: dict[str, dict]) -> None:
    assert set(objects) == {
        "Namespace",
        "Deployment",
        "Service",
        "Ingress",
        "PodDisruptionBudget",
        "HorizontalPodAutoscaler",
    }


def test_every_object_is_valid_for_a_current_kubernetes(objects: dict[str, dict]) -> None:
    for kind, item in objects.items():
        try:
            kubernetes_validate.validate(item, KUBERNETES, strict=True)
        except kubernetes_validate.ValidationError as error:
            pytest.fail(f"{kind}: {error.message}")


def test_the_replicas_are_probed_locked_down_and_keep_no_data(objects: dict[str, dict]) -> None:
    deployment = objects["Deployment"]["spec"]
    assert deployment["replicas"] >= 2
    assert deployment["strategy"]["rollingUpdate"]["maxUnavailable"] == 0
    pod = deployment["template"]["spec"]
    (container,) = pod["containers"]
    for probe in ("readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"]["path"] == HEALTH
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert container["securityContext"]["allowPrivilegeEscalation"] is False
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert container["resources"]["requests"]["memory"]
    assert container["resources"]["limits"]["memory"]
    assert all("emptyDir" in volume for volume in pod.get("volumes", []))  # no data volume
    labels = deployment["template"]["metadata"]["labels"]
    assert deployment["selector"]["matchLabels"].items() <= labels.items()
    assert objects["Service"]["spec"]["selector"].items() <= labels.items()
    budget = objects["PodDisruptionBudget"]["spec"]
    assert budget["selector"]["matchLabels"].items() <= labels.items()
    assert objects["HorizontalPodAutoscaler"]["spec"]["minReplicas"] >= 2


def test_the_ingress_keeps_a_tab_on_its_replica_and_its_websocket_open(
    objects: dict[str, dict],
) -> None:
    notes = objects["Ingress"]["metadata"]["annotations"]
    assert notes["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert int(notes["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 3600
    assert int(notes["nginx.ingress.kubernetes.io/proxy-send-timeout"]) >= 3600
    assert objects["Ingress"]["spec"]["tls"]


# --- compose and the balancer -------------------------------------------------------------------


def test_the_compose_file_runs_three_locked_down_replicas_behind_the_balancer() -> None:
    compose = yaml.safe_load((ROOT / "deploy" / "compose.yaml").read_text())
    services = compose["services"]
    replicas = [name for name in services if name.startswith("app")]
    assert len(replicas) == 3
    for name in replicas:
        service = services[name]
        assert service["read_only"] is True
        assert service["user"].startswith("10001")
        assert "volumes" not in service  # nothing is stored
    balancer = services["balancer"]
    assert "./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro" in balancer["volumes"]


def test_haproxy_accepts_the_balancer_config() -> None:
    checked = subprocess.run(
        [tool("haproxy"), "-c", "-f", str(ROOT / "deploy" / "haproxy.cfg")],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    config = (ROOT / "deploy" / "haproxy.cfg").read_text()
    assert "cookie kk-replica insert" in config
    assert "option redispatch" in config
