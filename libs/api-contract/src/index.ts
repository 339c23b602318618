/**
 * The shapes of the HTTP API's answers (see the interfaces brief), one definition shared by the api that sends them,
 * the persistence views that build them and the web app that reads them. Types only: nothing here exists at run time.
 */
export type * from './agency';
export type * from './error';
export type * from './health';
export type * from './report';
export type * from './series';
export type * from './upload';
