CREATE TABLE "slack_installations" (
	"key" text PRIMARY KEY NOT NULL,
	"team_id" text,
	"team_name" text,
	"enterprise_id" text,
	"enterprise_name" text,
	"enterprise_url" text,
	"is_enterprise_install" boolean DEFAULT false NOT NULL,
	"app_id" text,
	"bot_id" text,
	"bot_user_id" text,
	"bot_scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"bot_token_sealed" text,
	"bot_refresh_token_sealed" text,
	"bot_token_expires_at" bigint,
	"installer_user_id" text,
	"installer_scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"installer_token_sealed" text,
	"token_type" text,
	"auth_version" text DEFAULT 'v2' NOT NULL,
	"installed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "slack_oauth_states" (
	"state_hash" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "slack_uninstalls" (
	"team_id" text PRIMARY KEY NOT NULL,
	"uninstalled_at" timestamp with time zone NOT NULL,
	"forget_after" timestamp with time zone NOT NULL
);
