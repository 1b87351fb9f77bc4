import { Controller, Get, Param } from '@nestjs/common';
import { OrderService } from 'nestjs-wechat-nontax';
import { orderView, type OrderView } from './views.js';

@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrderService) {}

  /** What WeChat holds for an order: fee, status, refunds. */
  @Get(':order_id')
  async order(@Param('order_id') orderId: string): Promise<OrderView> {
    return orderView(await this.orders.getOrder(orderId));
  }
}
