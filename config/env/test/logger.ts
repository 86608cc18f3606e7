// Quiet logs during tests; LOG_LEVEL=debug to see them.
import { winston } from '@strapi/logger';

export default {
  transports: [new winston.transports.Console({ level: process.env.LOG_LEVEL || 'error' })],
};
