// Bolt's two receivers with the adapter's guards in front: over HTTP every POST to /slack/events
// is screened before Bolt parses it (request-guard.ts); in Socket Mode, where Slack's client has
// already parsed the message, bodies of the wrong shape are acknowledged and dropped before
// Bolt's processEvent, and a failing listener or ack is logged instead of escaping as an
// unhandled rejection from the socket client's event emitter.

import {
  defaultProcessEventErrorHandler,
  HTTPReceiver,
  SocketModeReceiver,
  type App,
  type HTTPReceiverOptions,
  type Logger,
  type LogLevel,
} from '@slack/bolt';
import type { SocketModeReceiverProcessEventErrorHandlerArgs } from '@slack/bolt';
import { guardSlackRequests } from './request-guard.ts';
import { slackBodyProblem } from './request-shape.ts';

/** Bolt's HTTP receiver behind the request guard; rejections are logged with the app's logger. */
export class GuardedHTTPReceiver extends HTTPReceiver {
  private appLogger: App['logger'] | null = null;

  constructor(options: HTTPReceiverOptions & { signingSecret: string }) {
    super(options);
    this.requestListener = guardSlackRequests(this.requestListener, {
      signingSecret: options.signingSecret,
      warn: (message) => this.appLogger?.warn(message),
    });
  }

  override init(app: App): void {
    super.init(app);
    this.appLogger = app.logger;
  }
}

/** The app as the receiver sees it, with processEvent screening each body's shape first. */
function screenedApp(app: App): App {
  const processEvent: App['processEvent'] = async (event) => {
    const problem = slackBodyProblem(event.body);
    if (problem === null) return app.processEvent(event);
    app.logger.warn(`Slack event dropped: ${problem}`);
    await event.ack(); // so Slack does not send it again
  };
  return new Proxy(app, {
    get: (target, key, receiver) => (key === 'processEvent' ? processEvent : Reflect.get(target, key, receiver)),
  });
}

/** Bolt's default handling (log; ack on authorization errors), with the ack's own failure logged too. */
async function logProcessEventError(args: SocketModeReceiverProcessEventErrorHandlerArgs): Promise<boolean> {
  try {
    if (await defaultProcessEventErrorHandler(args)) await args.event.ack();
  } catch (error) {
    args.logger.error(`Slack event could not be acknowledged after an error: ${(error as Error).message}`);
  }
  return false; // acknowledged above, when it should be
}

export class GuardedSocketModeReceiver extends SocketModeReceiver {
  constructor(options: { appToken: string; logLevel?: LogLevel; logger?: Logger }) {
    super({ ...options, processEventErrorHandler: logProcessEventError });
  }

  override init(app: App): void {
    super.init(screenedApp(app));
  }
}
