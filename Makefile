# Everyday commands. The Maven wrapper needs only a JDK 17 and any Maven 3 on the PATH once.
MVN := ./mvnw -B
# The commit the jar is built from, shown by the build_info metric.
REVISION := $(shell git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
COMPOSE := docker compose
PROD := $(COMPOSE) -f docker-compose.prod.yml --env-file .env.production
SECRETS := deploy/alertmanager/secrets

.PHONY: help build run test dashboards secrets monitoring-up monitoring-down monitoring-logs \
        prod-monitoring-up prod-monitoring-down dashboard-diff benchmark clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-22s %s\n", $$1, $$2}'

# Alerting settings (ALERT_*: delivery, Watchdog heartbeat, dashboard and runbook link bases) are
# read when the rules and Alertmanager configuration are generated: export .env first.
ENV_DEV := set -a; [ ! -f .env ] || . ./.env; set +a;

build: ## Build the service jar and generate dashboards, provisioning and rules (no tests; .env's alerting settings)
	$(ENV_DEV) $(MVN) package -DskipTests -Dbuild.revision=$(REVISION)

run: build ## Run the service on the embedded H2 database (API :8080, admin :8081)
	java -jar service/target/kr-lead-scraper.jar server config.yml

test: ## Run every test (the command CI runs)
	$(MVN) verify

dashboards: ## Generate dashboards, provisioning, rules into dashboards-as-code/target/grafana (.env's alerting settings)
	$(ENV_DEV) $(MVN) package -pl dashboards-as-code -am -DskipTests

dashboard-diff: ## Compare a dashboard exported from Grafana with the generated one: make dashboard-diff FILE=export.json
	@test -n "$(FILE)" || (echo "usage: make dashboard-diff FILE=exported-dashboard.json" && exit 2)
	@$(MVN) -q package -pl dashboards-as-code -am -DskipTests -Dexec.skip=true
	@java -jar dashboards-as-code/target/dashboards-as-code.jar diff $(ARGS) $(FILE)

secrets: ## Create empty Alertmanager secret files if missing (fill them for real deliveries)
	@mkdir -p $(SECRETS)
	@for f in smtp_password slack_api_url pagerduty_routing_key opsgenie_api_key; do [ -f $(SECRETS)/$$f ] || : > $(SECRETS)/$$f; done

monitoring-up: secrets ## Build, generate (with .env's alerting settings), then start the development stack
	$(ENV_DEV) $(MVN) package -DskipTests
	$(COMPOSE) up -d --build
	@echo "API http://localhost:8080/api  admin http://localhost:8081  Prometheus http://localhost:9090  Grafana http://localhost:3000 (admin/admin)"

monitoring-down: ## Stop the development stack (volumes are kept)
	$(COMPOSE) down

monitoring-logs: ## Follow the logs of the development stack
	$(COMPOSE) logs -f

prod-monitoring-up: secrets ## Build, generate (production: a Watchdog URL is required), then start the production stack (.env.production)
	@test -f .env.production || (echo "copy .env.production.example to .env.production and fill it in" && exit 1)
	@test -s deploy/service/secrets/api_keys || (echo "create the API keys file deploy/service/secrets/api_keys (see the README there)" && exit 1)
	@test -s deploy/blackbox/secrets/probe_token || (echo "create the probe's reader token deploy/blackbox/secrets/probe_token (see the README there)" && exit 1)
	set -a; . ./.env.production; set +a; ALERT_ENVIRONMENT=production $(MVN) package -DskipTests
	$(PROD) up -d --build

prod-monitoring-down: ## Stop the production stack
	$(PROD) down

benchmark: ## Run the JMH benchmarks, then the pipeline load run on H2 and embedded PostgreSQL (several minutes)
	$(MVN) -q package -pl benchmarks -am -DskipTests
	java -jar benchmarks/target/benchmarks.jar -f 1 -wi 2 -i 3 -w 1s -r 1s -prof gc
	java -Xmx1g -cp benchmarks/target/benchmarks.jar com.krleads.benchmarks.PipelineLoadRun 10000 3

clean: ## Remove build output (keeps ./data)
	$(MVN) -q clean
