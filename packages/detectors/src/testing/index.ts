export { makeChatMessage } from './synthetic-chat.ts';
