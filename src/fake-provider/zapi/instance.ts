import { json, type SimRoute } from '../model';

export const zapiInstanceRoutes: SimRoute[] = [
  {
    method: 'GET',
    path: '/status',
    handler: ({ instance }) =>
      json(
        instance.connected
          ? { connected: true, error: 'You are already connected', smartphoneConnected: true }
          : { connected: false, error: 'You are not connected.', smartphoneConnected: false },
      ),
  },
];
