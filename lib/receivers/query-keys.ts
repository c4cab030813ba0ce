/** TanStack Query keys for receivers, so the inspector and the test-event panel invalidate precisely. */
export const receiverKeys = {
  all: ['receivers'] as const,
  deliveries: (receiverId: string, query: string) =>
    [...receiverKeys.all, receiverId, 'deliveries', query] as const,
  delivery: (receiverId: string, deliveryId: string) =>
    [...receiverKeys.all, receiverId, 'delivery', deliveryId] as const,
  latestForNumber: (phoneNumberId: string) => [...receiverKeys.all, 'number', phoneNumberId] as const,
  emission: (emissionId: string) => [...receiverKeys.all, 'emission', emissionId] as const,
};
