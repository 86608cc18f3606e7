// Apollo Server plugins for the GraphQL endpoint: refuse NUL characters as bad input, and keep
// unexpected (500) errors down to a generic message, without the underlying error's text.
import { GraphQLError } from 'graphql';
import { containsNul, graphqlSourceHasNul } from './nul-bytes';

interface RequestContext {
  request: { query?: string; variables?: Record<string, unknown> | null };
  response?: { body?: { kind: string; singleResult?: { errors?: readonly { extensions?: Record<string, unknown> }[] } } };
}

export const rejectNulBytes = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request }: RequestContext) {
        if (graphqlSourceHasNul(request.query ?? '') || containsNul(request.variables)) {
          throw new GraphQLError('The request contains a NUL character (U+0000), which no field accepts.', {
            extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
          });
        }
      },
    };
  },
};

export const hideInternalErrorDetails = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }: RequestContext) {
        const errors = response?.body?.kind === 'single' ? response.body.singleResult?.errors : undefined;
        for (const error of errors ?? []) {
          if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') delete error.extensions.error;
        }
      },
    };
  },
};
